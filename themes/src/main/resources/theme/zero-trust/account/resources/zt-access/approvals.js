import React from "react";
import { h, Card, Table, Row, Button, roleName, time } from "./ui.js";

/** Other users' requests waiting for this user's decision; a refusal says why. */
export function Approvals({ t, busy, locale, approvals, onDecide }) {
  const [refusing, setRefusing] = React.useState(null);
  const [reason, setReason] = React.useState("");
  const columns = [t("ztAccessRequester"), t("ztAccessRole"), t("ztAccessWhy"), t("ztAccessFor"), ""];
  const rows = approvals.map((request) =>
    h(Row, {
      key: request.id,
      columns,
      "data-testid": "zt-approval",
      "data-requester": request.requester,
      "data-role": request.role,
      cells: [
        h("strong", null, request.requester),
        roleName(request),
        request.justification || t("ztAccessNoJustification"),
        h("span", null, t("ztAccessMinutes", request.minutes), h("br"), t("ztAccessAskedAt", time(request.requestedAt, locale))),
        refusing === request.id
          ? h(
              "div",
              null,
              h("label", { className: "pf-v5-c-form__label", htmlFor: `zt-reason-${request.id}` },
                h("span", { className: "pf-v5-c-form__label-text" }, t("ztAccessRefusalReason"))),
              h("span", { className: "pf-v5-c-form-control" },
                h("input", { id: `zt-reason-${request.id}`, "data-testid": "zt-reason", value: reason, onChange: (e) => setReason(e.target.value) })),
              h("div", { style: { marginTop: "0.5em" } },
                h(Button, { variant: "danger", "data-testid": "zt-confirm-refuse", disabled: busy || !reason.trim(),
                  onClick: () => { setRefusing(null); onDecide(request, "refuse", reason.trim()); } }, t("ztAccessRefuse")),
                h(Button, { variant: "link", onClick: () => setRefusing(null) }, t("ztAccessCancel"))),
            )
          : h(
              "div",
              { style: { display: "flex", gap: "0.5em" } },
              h(Button, { "data-testid": "zt-approve", disabled: busy, onClick: () => onDecide(request, "approve", "") }, t("ztAccessApprove")),
              h(Button, { variant: "secondary", "data-testid": "zt-refuse", disabled: busy, onClick: () => { setReason(""); setRefusing(request.id); } }, t("ztAccessRefuse")),
            ),
      ],
    }),
  );
  return h(
    Card,
    { id: "zt-approvals", title: t("ztAccessApprovalsTitle") },
    h("p", { style: { marginBottom: "var(--pf-v5-global--spacer--md)" } }, t("ztAccessApprovalsIntro")),
    h(Table, { label: t("ztAccessApprovalsTitle"), columns, rows }),
  );
}
