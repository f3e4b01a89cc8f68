import { joinPath } from "./console.js";

/** A refusal of the zt-access endpoint: its HTTP status and body ({error, message, and e.g. acr}). */
export class AccessError extends Error {
  constructor(status, body) {
    super(body?.message || `HTTP ${status}`);
    this.status = status;
    this.error = body?.error || "server_error";
    this.body = body || {};
  }

  get stepUpRequired() {
    return this.status === 401 && this.error === "step_up_required";
  }
}

/**
 * The pack's just-in-time access endpoint (/realms/{realm}/zt-access) called with the console's own bearer
 * token, refreshed first as the console refreshes it.
 */
export function accessApi({ keycloak, environment }) {
  const base = joinPath(environment.serverBaseUrl, "realms", environment.realm, "zt-access");

  async function call(method, path, body) {
    try {
      await keycloak.updateToken(5);
    } catch {
      await keycloak.login();
    }
    const response = await fetch(base + path, {
      method,
      headers: {
        authorization: `Bearer ${keycloak.token}`,
        accept: "application/json",
        ...(body ? { "content-type": "application/json" } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!response.ok) {
      throw new AccessError(response.status, json);
    }
    return json;
  }

  return {
    eligible: () => call("GET", "/eligible"),
    requests: () => call("GET", "/requests"),
    approvals: () => call("GET", "/approvals"),
    post: (path, body) => call("POST", path, body),
  };
}

/** The paths of the endpoint's actions, so that a parked action is just a path and a body. */
export const actions = {
  request: (eligibilityId, justification, minutes) => ({ path: "/requests", body: { eligibilityId, justification, minutes } }),
  end: (requestId) => ({ path: `/requests/${encodeURIComponent(requestId)}/end`, body: {} }),
  decide: (requestId, decision, reason) => ({ path: `/approvals/${encodeURIComponent(requestId)}`, body: { decision, reason } }),
};
