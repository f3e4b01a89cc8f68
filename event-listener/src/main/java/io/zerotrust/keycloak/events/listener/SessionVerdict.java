package io.zerotrust.keycloak.events.listener;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.spi.RiskNotes;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;

/**
 * Completes a LOGIN event that lacks the risk verdict from the user session it opened. Keycloak sends LOGIN from
 * the last request of a sign-in; after required actions (e.g. setting up OTP) that request knows nothing of the
 * flow's event details, while zt-risk-assessment's user-session notes are already in the session.
 */
final class SessionVerdict {

    private static final List<String> NOTES = List.of(RiskNotes.EVENT_SCORE, RiskNotes.EVENT_LEVEL, RiskNotes.EVENT_REASONS);

    private SessionVerdict() {
    }

    /** @param event a copy the caller owns */
    static void complete(KeycloakSession session, Event event) {
        if (event.getType() != EventType.LOGIN || event.getSessionId() == null
                || (event.getDetails() != null && event.getDetails().containsKey(RiskNotes.EVENT_LEVEL))) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserSessionModel userSession = realm == null ? null : session.sessions().getUserSession(realm, event.getSessionId());
        if (userSession == null || userSession.getNote(RiskNotes.EVENT_LEVEL) == null) {
            return;
        }
        Map<String, String> details = event.getDetails() == null ? new HashMap<>() : new HashMap<>(event.getDetails());
        for (String note : NOTES) {
            String value = userSession.getNote(note);
            if (value != null) {
                details.put(note, value);
            }
        }
        event.setDetails(details);
    }
}
