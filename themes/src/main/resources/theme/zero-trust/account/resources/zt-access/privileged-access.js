import React from "react";
import { consoleContext } from "./console.js";
import { loadMessages } from "./messages.js";
import { accessApi, actions } from "./access-api.js";
import { signInAgainFor, takeParkedAction } from "./fresh-sign-in.js";
import { EligibleRoles } from "./eligible-roles.js";
import { MyRequests } from "./my-requests.js";
import { Approvals } from "./approvals.js";
import { h, Notice, roleName, time } from "./ui.js";

/**
 * The account console's page "Privileged access" (content.json): just-in-time activation of the user's
 * eligible roles, their requests, and the requests of others waiting for the user's decision. An action the
 * server refuses for want of a fresh sign-in at the role's level is sent again after that sign-in.
 */
export default function PrivilegedAccess() {
  const root = React.useRef(null);
  const [page, setPage] = React.useState(null);
  const [lists, setLists] = React.useState(null);
  const [notice, setNotice] = React.useState(null);
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    const context = consoleContext(root.current);
    if (!context) {
      setNotice({ variant: "danger", text: "The account console did not share its sign-in with this page." });
      return;
    }
    loadMessages(context.environment).then((t) => setPage({ t, api: accessApi(context), context }));
  }, []);

  const reload = React.useCallback(async () => {
    const [eligible, requests, approvals] = await Promise.all([
      page.api.eligible(),
      page.api.requests(),
      page.api.approvals().catch(() => []),
    ]);
    setLists({ eligible, requests, approvals });
  }, [page]);

  const run = React.useCallback(
    async (action, { afterSignIn = false } = {}) => {
      const { t, api, context } = page;
      setBusy(true);
      try {
        const request = await api.post(action.path, action.body);
        setNotice({ variant: "success", text: outcome(t, action, request, context.environment.locale) });
      } catch (e) {
        if (e.stepUpRequired && !afterSignIn) {
          setNotice({ variant: "info", text: t("ztAccessSigningInAgain") });
          await signInAgainFor(context.keycloak, action, e.body.acr);
          return;
        }
        setNotice({ variant: "danger", text: e.stepUpRequired ? t("ztAccessSignInNotEnough") : e.message });
      } finally {
        setBusy(false);
      }
      await reload().catch((e) => setNotice({ variant: "danger", text: e.message }));
    },
    [page, reload],
  );

  React.useEffect(() => {
    if (!page) {
      return;
    }
    const parked = takeParkedAction();
    if (parked) {
      setNotice({ variant: "info", text: page.t("ztAccessBackFromSignIn") });
      run(parked, { afterSignIn: true });
    } else {
      reload().catch((e) => setNotice({ variant: "danger", text: e.message }));
    }
  }, [page]);

  const t = page?.t;
  const locale = page?.context.environment.locale;
  return h(
    "div",
    { ref: root, id: "zt-privileged-access" },
    h(
      "section",
      { className: "pf-v5-c-page__main-section pf-m-light" },
      h(
        "div",
        { className: "pf-v5-c-content" },
        h("h1", { className: "pf-v5-c-title pf-m-2xl" }, t ? t("ztPrivilegedAccess") : ""),
        t && h("p", null, t("ztAccessIntro")),
      ),
    ),
    h(
      "section",
      { className: "pf-v5-c-page__main-section" },
      notice && h(Notice, { ...notice, onClose: () => setNotice(null) }),
      !lists && !notice && h("p", { className: "pf-v5-c-content" }, "…"),
      lists &&
        lists.approvals.length > 0 &&
        h(Approvals, {
          t,
          busy,
          locale,
          approvals: lists.approvals,
          onDecide: (request, decision, reason) =>
            run({ kind: decision, ...actions.decide(request.id, decision, reason) }),
        }),
      lists &&
        h(EligibleRoles, {
          t,
          busy,
          eligible: lists.eligible,
          requests: lists.requests,
          locale,
          onRequest: (eligibility, justification, minutes) =>
            run({ kind: "request", ...actions.request(eligibility.id, justification, minutes) }),
        }),
      lists &&
        h(MyRequests, {
          t,
          busy,
          locale,
          requests: lists.requests,
          onEnd: (request) => run({ kind: "end", ...actions.end(request.id) }),
          onRefresh: () => {
            // The notice told of an earlier action; what the lists now show supersedes it
            setNotice(null);
            reload().catch((e) => setNotice({ variant: "danger", text: e.message }));
          },
        }),
    ),
  );
}

/** What the user is told once the server accepted the action. */
function outcome(t, action, request, locale) {
  const role = roleName(request);
  switch (action.kind) {
    case "request":
      return request.state === "ACTIVE"
        ? t("ztAccessActivated", role, time(request.expiresAt, locale))
        : t("ztAccessSentForApproval", role);
    case "end":
      return t("ztAccessEndedNow", role);
    case "approve":
      return t("ztAccessYouApproved", request.requester, role);
    default:
      return t("ztAccessYouRefused", request.requester, role);
  }
}
