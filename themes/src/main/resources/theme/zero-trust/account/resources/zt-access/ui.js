import React from "react";

/** The page's small building blocks, in PatternFly 5's classes that the console's own styles carry. */
export const h = React.createElement;

/** A role as users know it: the realm role's name, or the client's role with its client. */
export function roleName({ role, client }) {
  return client ? `${client}: ${role}` : role;
}

export function time(millis, locale) {
  return millis ? new Date(millis).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" }) : "";
}

/** A card with a heading, its body the children. */
export function Card({ id, title, children }) {
  return h(
    "div",
    { className: "pf-v5-c-card", id, style: { marginBottom: "var(--pf-v5-global--spacer--lg)" } },
    h("div", { className: "pf-v5-c-card__title" }, h("h2", { className: "pf-v5-c-title pf-m-xl" }, title)),
    h("div", { className: "pf-v5-c-card__body" }, children),
  );
}

/** A table of rows (each an array of cells); the header row names the columns. */
export function Table({ label, columns, rows }) {
  return h(
    "table",
    { className: "pf-v5-c-table pf-m-grid-md", role: "grid", "aria-label": label },
    h("thead", { className: "pf-v5-c-table__thead" }, h("tr", { className: "pf-v5-c-table__tr" },
      columns.map((c, i) => h("th", { key: i, scope: "col", className: "pf-v5-c-table__th" }, c)))),
    h("tbody", { className: "pf-v5-c-table__tbody" }, rows),
  );
}

export function Row({ cells, columns, ...props }) {
  return h("tr", { className: "pf-v5-c-table__tr", ...props },
    cells.map((cell, i) => h("td", { key: i, className: "pf-v5-c-table__td", "data-label": columns[i] }, cell)));
}

export function Button({ variant = "primary", ...props }) {
  return h("button", { type: "button", className: `pf-v5-c-button pf-m-${variant}`, ...props });
}

/** An inline alert: success, info, warning or danger. Spoken by screen readers as it appears. */
export function Notice({ variant, text, onClose }) {
  return h(
    "div",
    {
      className: `pf-v5-c-alert pf-m-inline pf-m-${variant}`,
      id: "zt-access-notice",
      "data-variant": variant,
      role: variant === "danger" ? "alert" : "status",
      style: { marginBottom: "var(--pf-v5-global--spacer--md)" },
    },
    h("p", { className: "pf-v5-c-alert__title" }, text),
    onClose &&
      h(
        "div",
        { className: "pf-v5-c-alert__action" },
        h("button", { type: "button", className: "pf-v5-c-button pf-m-plain", "aria-label": "×", onClick: onClose }, "×"),
      ),
  );
}

const STATE_COLOURS = {
  PENDING: "var(--pf-v5-global--warning-color--100)",
  ACTIVE: "var(--pf-v5-global--success-color--100)",
  REFUSED: "var(--pf-v5-global--danger-color--100)",
  ENDED: "var(--pf-v5-global--Color--200)",
  EXPIRED: "var(--pf-v5-global--Color--200)",
};

/** A request's state in words, with a coloured mark (the word carries the meaning, not the colour). */
export function StateLabel({ t, state }) {
  return h(
    "span",
    { "data-testid": "zt-state", "data-state": state, style: { whiteSpace: "nowrap" } },
    h("span", {
      "aria-hidden": true,
      style: {
        display: "inline-block",
        width: "0.6em",
        height: "0.6em",
        borderRadius: "50%",
        marginRight: "0.4em",
        background: STATE_COLOURS[state],
      },
    }),
    t(`ztAccessState_${state}`),
  );
}
