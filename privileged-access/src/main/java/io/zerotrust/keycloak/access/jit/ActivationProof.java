package io.zerotrust.keycloak.access.jit;

import java.util.Map;

import io.zerotrust.keycloak.risk.spi.RiskNotes;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.utils.AcrUtils;
import org.keycloak.representations.AccessToken;

/**
 * What a request's token must show before a role is activated: a sign-in no older than the allowed age, at the
 * eligibility's level of authentication, that the pack's risk assessment judged below HIGH and whose step-up was met.
 */
final class ActivationProof {

    static final String STEP_UP_REQUIRED = "step_up_required";
    static final String RISK_TOO_HIGH = "risk_too_high";
    static final String RISK_UNKNOWN = "risk_unknown";

    private ActivationProof() {
    }

    static void check(RealmModel realm, ClientModel client, AccessToken token, UserSessionModel userSession,
                      Eligibility eligibility, int maxAgeSeconds, long nowSeconds) throws AccessRefusal {
        Long authTime = token.getAuth_time();
        boolean fresh = authTime != null && authTime >= nowSeconds - maxAgeSeconds;
        int required = eligibility.acr() == null ? -1 : EligibleRolesPageFactory.levelOf(realm, eligibility.acr());
        boolean level = required < 0 || levelOf(realm, client, token.getAcr()) >= required;
        if (!fresh || !level) {
            throw new AccessRefusal(401, STEP_UP_REQUIRED, "Activating " + eligibility.role()
                    + " needs a fresh sign-in" + (eligibility.acr() == null ? "" : " at level " + eligibility.acr())
                    + ": sign in again, then ask again.",
                    eligibility.acr() == null ? Map.of("maxAgeSeconds", maxAgeSeconds)
                            : Map.of("acr", eligibility.acr(), "maxAgeSeconds", maxAgeSeconds));
        }
        String risk = userSession == null ? null : userSession.getNote(RiskNotes.EVENT_LEVEL);
        if (risk == null) {
            throw new AccessRefusal(403, RISK_UNKNOWN, "Your sign-in was not checked for risk, so no role can be "
                    + "activated with it. Ask your administrator to add the risk assessment to the sign-in flow.");
        }
        if ("HIGH".equals(risk) || "false".equals(userSession.getNote(RiskNotes.EVENT_VERIFIED))) {
            throw new AccessRefusal(403, RISK_TOO_HIGH, "Your sign-in looks unusual (risk " + risk + "), so "
                    + eligibility.role() + " cannot be activated now. Sign in from your usual device and place, or "
                    + "contact your administrator.");
        }
    }

    /** The level the token's {@code acr} stands for: the client's mapping, else the realm's, else the number itself. */
    static int levelOf(RealmModel realm, ClientModel client, String acr) {
        if (acr == null) {
            return -1;
        }
        Map<String, Integer> map = client == null ? Map.of() : AcrUtils.getAcrLoaMap(client);
        Integer level = map.get(acr);
        if (level == null) {
            level = AcrUtils.getAcrLoaMap(realm).get(acr);
        }
        if (level != null) {
            return level;
        }
        try {
            return Integer.parseInt(acr);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
