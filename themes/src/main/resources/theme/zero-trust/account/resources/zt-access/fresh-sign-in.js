/**
 * A fresh sign-in at a role's level of authentication for an action the server refused with
 * step_up_required: the action is parked in sessionStorage (it survives the round trip through Keycloak's
 * login page in this tab only), the console's keycloak-js sends the browser through the login with
 * acr_values and max_age=0, and the page takes the action back once it is shown again.
 */
const KEY = "zt-access.parked-action";
// Older than this, a parked action is dropped rather than sent: the user has moved on
const KEEP_MS = 10 * 60 * 1000;

export function signInAgainFor(keycloak, action, acr) {
  sessionStorage.setItem(KEY, JSON.stringify({ ...action, parkedAt: Date.now() }));
  // Without a level the server asks only for a recent sign-in
  const level = acr ? { acr: { values: [acr], essential: true }, acrValues: acr } : {};
  return keycloak.login({ ...level, maxAge: 0, redirectUri: location.origin + location.pathname });
}

/** The action parked before the sign-in, removed from storage so that it is sent once; null when none. */
export function takeParkedAction() {
  const raw = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  try {
    const action = raw ? JSON.parse(raw) : null;
    return action && Date.now() - action.parkedAt < KEEP_MS ? action : null;
  } catch {
    return null;
  }
}
