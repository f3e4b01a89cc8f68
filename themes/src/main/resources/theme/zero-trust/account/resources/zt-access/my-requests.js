import { h, Card, Table, Row, Button, StateLabel, roleName, time } from "./ui.js";

/** The user's own requests, newest first, with what each state means and a way to end an active role early. */
export function MyRequests({ t, busy, locale, requests, onEnd, onRefresh }) {
  const columns = [t("ztAccessRole"), t("ztAccessStatus"), t("ztAccessDetails"), ""];
  const rows = requests.map((request) =>
    h(Row, {
      key: request.id,
      columns,
      "data-testid": "zt-request",
      "data-role": request.role,
      "data-state": request.state,
      "data-expires-at": request.expiresAt ?? "",
      cells: [
        h("strong", { style: { whiteSpace: "nowrap" } }, roleName(request)),
        h(StateLabel, { t, state: request.state }),
        details(t, request, locale),
        request.state === "ACTIVE"
          ? h(Button, { variant: "secondary", "data-testid": "zt-end", disabled: busy, onClick: () => onEnd(request) }, t("ztAccessEndNow"))
          : null,
      ],
    }),
  );
  return h(
    Card,
    { id: "zt-my-requests", title: t("ztAccessMyRequestsTitle") },
    requests.length === 0 ? h("p", null, t("ztAccessNoRequests")) : h(Table, { label: t("ztAccessMyRequestsTitle"), columns, rows }),
    h("div", { style: { marginTop: "var(--pf-v5-global--spacer--md)" } },
      h(Button, { variant: "link", "data-testid": "zt-refresh", onClick: onRefresh }, t("ztAccessRefresh"))),
  );
}

function details(t, request, locale) {
  const asked = t("ztAccessAsked", time(request.requestedAt, locale), request.minutes, request.justification || t("ztAccessNoJustification"));
  switch (request.state) {
    case "PENDING":
      return lines(t("ztAccessPendingDetail"), asked);
    case "ACTIVE":
      return lines(t("ztAccessActiveUntil", time(request.expiresAt, locale)), request.approver ? t("ztAccessApprovedBy", request.approver) : null, asked);
    case "REFUSED":
      return lines(
        request.approver
          ? t("ztAccessRefusedBy", request.approver, request.reason || t("ztAccessNoReason"))
          : t("ztAccessRefusedWhy", request.reason || t("ztAccessNoReason")),
        asked,
      );
    case "ENDED":
      return lines(t("ztAccessEndedAt", time(request.endedAt, locale)), asked);
    case "EXPIRED":
      return lines(t("ztAccessExpiredAt", time(request.expiresAt || request.endedAt, locale)), asked);
    default:
      return asked;
  }
}

function lines(...texts) {
  return texts.filter(Boolean).map((text, i) => h("div", { key: i, style: i > 0 ? { color: "var(--pf-v5-global--Color--200)" } : null }, text));
}
