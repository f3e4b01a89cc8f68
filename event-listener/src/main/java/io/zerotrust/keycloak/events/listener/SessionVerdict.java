package io.zerotrust.keycloak.events.listener;

import io.zerotrust.keycloak.risk.learning.LoginVerdict;
import org.keycloak.events.Event;
import org.keycloak.models.KeycloakSession;

/**
 * Completes a LOGIN event that lacks (part of) the risk verdict from the user session it opened, as zt-risk-learning
 * reads it ({@link LoginVerdict}): after required actions (e.g. setting up OTP) Keycloak's LOGIN knows nothing of
 * the flow's details, while zt-risk-assessment's user-session notes are already in the session.
 */
final class SessionVerdict {

    private SessionVerdict() {
    }

    /** @param event a copy the caller owns */
    static void complete(KeycloakSession session, Event event) {
        java.util.Map<String, String> details = LoginVerdict.completedDetails(session, event);
        if (details != event.getDetails() && !details.isEmpty()) {
            event.setDetails(details);
        }
    }
}
