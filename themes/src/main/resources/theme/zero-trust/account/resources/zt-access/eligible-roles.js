import React from "react";
import { h, Card, Table, Row, Button, roleName, time } from "./ui.js";

/** The roles the user may activate, each with its conditions and, opened, the form to ask for it. */
export function EligibleRoles({ t, busy, eligible, requests, locale, onRequest }) {
  const [open, setOpen] = React.useState(null);
  const columns = [t("ztAccessRole"), t("ztAccessDescription"), t("ztAccessLongest"), t("ztAccessConditions"), ""];
  const rows = eligible.flatMap((eligibility) => {
    const current = requests.find((r) => r.eligibilityId === eligibility.id && (r.state === "ACTIVE" || r.state === "PENDING"));
    const row = h(Row, {
      key: eligibility.id,
      columns,
      "data-testid": "zt-eligible",
      "data-role": eligibility.role,
      cells: [
        h("strong", { style: { whiteSpace: "nowrap" } }, roleName(eligibility)),
        eligibility.description,
        t("ztAccessMinutes", eligibility.maxMinutes),
        conditions(t, eligibility),
        current
          ? current.state === "ACTIVE"
            ? t("ztAccessActiveUntil", time(current.expiresAt, locale))
            : t("ztAccessState_PENDING")
          : open === eligibility.id
            ? null
            : h(Button, { variant: "secondary", "data-testid": "zt-activate", disabled: busy, onClick: () => setOpen(eligibility.id) }, t("ztAccessActivate")),
      ],
    });
    if (open !== eligibility.id || current) {
      return [row];
    }
    const form = h(
      "tr",
      { key: `${eligibility.id}-form`, className: "pf-v5-c-table__tr" },
      h(
        "td",
        { colSpan: columns.length, className: "pf-v5-c-table__td" },
        h(ActivationForm, {
          t,
          busy,
          eligibility,
          onCancel: () => setOpen(null),
          onSubmit: (justification, minutes) => {
            setOpen(null);
            onRequest(eligibility, justification, minutes);
          },
        }),
      ),
    );
    return [row, form];
  });
  return h(
    Card,
    { id: "zt-eligible-roles", title: t("ztAccessEligibleTitle") },
    eligible.length === 0
      ? h("p", null, t("ztAccessNoEligible"))
      : h(Table, { label: t("ztAccessEligibleTitle"), columns, rows }),
  );
}

function conditions(t, eligibility) {
  // A role without a level asks only for a recent sign-in, of any level
  const parts = [t(eligibility.acr ? "ztAccessNeedsSignIn" : "ztAccessNeedsRecentSignIn")];
  if (eligibility.approvalRequired) {
    parts.push(eligibility.approverRole ? t("ztAccessNeedsApprovalBy", eligibility.approverRole) : t("ztAccessNeedsApproval"));
  }
  if (eligibility.justificationRequired) {
    parts.push(t("ztAccessNeedsJustification"));
  }
  return h("ul", { style: { margin: 0, paddingLeft: "1.2em", listStyle: "disc" } }, parts.map((p) => h("li", { key: p }, p)));
}

/** Why and for how long; the sign-in that follows is announced before the user submits. */
function ActivationForm({ t, busy, eligibility, onSubmit, onCancel }) {
  const [justification, setJustification] = React.useState("");
  const [minutes, setMinutes] = React.useState(String(Math.min(60, eligibility.maxMinutes)));
  const [problem, setProblem] = React.useState(null);
  const id = (name) => `zt-${name}-${eligibility.id}`;

  function submit(event) {
    event.preventDefault();
    const n = Number(minutes);
    if (!Number.isInteger(n) || n < 1 || n > eligibility.maxMinutes) {
      setProblem(t("ztAccessMinutesOutOfRange", eligibility.maxMinutes));
    } else if (eligibility.justificationRequired && !justification.trim()) {
      setProblem(t("ztAccessJustificationMissing"));
    } else {
      onSubmit(justification.trim(), n);
    }
  }

  return h(
    "form",
    { className: "pf-v5-c-form", "data-testid": "zt-activation-form", onSubmit: submit, noValidate: true },
    h(
      "div",
      { className: "pf-v5-c-form__group" },
      h("label", { className: "pf-v5-c-form__label", htmlFor: id("justification") },
        h("span", { className: "pf-v5-c-form__label-text" }, t(eligibility.justificationRequired ? "ztAccessJustification" : "ztAccessJustificationOptional"))),
      h("span", { className: "pf-v5-c-form-control" },
        h("textarea", { id: id("justification"), name: "justification", rows: 2, value: justification, onChange: (e) => setJustification(e.target.value) })),
    ),
    h(
      "div",
      { className: "pf-v5-c-form__group" },
      h("label", { className: "pf-v5-c-form__label", htmlFor: id("minutes") },
        h("span", { className: "pf-v5-c-form__label-text" }, t("ztAccessDuration"))),
      h("span", { className: "pf-v5-c-form-control", style: { maxWidth: "10em" } },
        h("input", { id: id("minutes"), name: "minutes", type: "number", min: 1, max: eligibility.maxMinutes, value: minutes, onChange: (e) => setMinutes(e.target.value) })),
      h("div", { className: "pf-v5-c-helper-text" }, h("div", { className: "pf-v5-c-helper-text__item" },
        h("span", { className: "pf-v5-c-helper-text__item-text" }, t("ztAccessUpTo", eligibility.maxMinutes)))),
    ),
    h("p", { id: id("sign-in-note") }, t(eligibility.acr ? "ztAccessSignInNote" : "ztAccessRecentSignInNote")),
    problem && h("p", { role: "alert", "data-testid": "zt-form-problem", style: { color: "var(--pf-v5-global--danger-color--100)" } }, problem),
    h(
      "div",
      { className: "pf-v5-c-form__actions" },
      h(Button, { type: "submit", "data-testid": "zt-submit-activation", disabled: busy, "aria-describedby": id("sign-in-note") },
        t(eligibility.approvalRequired ? "ztAccessSubmitForApproval" : "ztAccessSubmitActivate")),
      h(Button, { variant: "link", onClick: onCancel }, t("ztAccessCancel")),
    ),
  );
}
