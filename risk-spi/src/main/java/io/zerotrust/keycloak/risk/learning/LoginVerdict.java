package io.zerotrust.keycloak.risk.learning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.spi.RiskNotes;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The risk verdict of a LOGIN event, completed from the user session it opened. zt-risk-assessment puts its verdict
 * (score, level, reasons, and whether the step-up the level required was met) on the LOGIN event and into the user
 * session; Keycloak sends LOGIN from the last request of a sign-in, which after required actions (e.g. setting up
 * OTP) knows nothing of the flow's details, and a step in the top-level flow learns last whether its step-up was
 * met, when only the user session can still take it. Both zt-risk-learning and zt-events read LOGIN this way. The
 * notes complete only a LOGIN of the authentication that was assessed (the request's authentication session holds the
 * assessment's notes); a later SSO re-login of
 * the same user session, which no assessment judged, keeps its own (missing) verdict and teaches nothing.
 */
public final class LoginVerdict {

    /** User-session notes of the assessment, under the names of the event details. */
    public static final List<String> NOTES = List.of(RiskNotes.EVENT_SCORE, RiskNotes.EVENT_LEVEL, RiskNotes.EVENT_REASONS,
            RiskNotes.EVENT_VERIFIED, RiskNotes.EVENT_REPORT_ONLY);

    private LoginVerdict() {
    }

    /**
     * The event's details, with each verdict note the event lacks taken from its user session; the event's own
     * details unchanged otherwise (also for other event types, or when no user session is found).
     */
    public static Map<String, String> completedDetails(KeycloakSession session, Event event) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        if (event.getType() != EventType.LOGIN || event.getSessionId() == null || details.keySet().containsAll(NOTES)) {
            return details;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserSessionModel userSession = realm == null ? null : session.sessions().getUserSession(realm, event.getSessionId());
        // Only the authentication that was assessed (a LOGIN after its required actions still has it at hand): a later
        // SSO re-login of the same user session is another authentication, which no assessment judged
        AuthenticationSessionModel current = session.getContext().getAuthenticationSession();
        if (userSession == null || current == null || current.getAuthNote(RiskNotes.LEVEL) == null) {
            return details;
        }
        Map<String, String> completed = new HashMap<>(details);
        for (String note : NOTES) {
            String value = userSession.getNote(note);
            if (value != null) {
                completed.putIfAbsent(note, value);
            }
        }
        return completed;
    }

    /**
     * Whether a LOGIN with these (completed) details may teach the profile: only when the assessment ran and the
     * step-up its level required was met. A LOGIN without a verdict (no assessment in its flow) teaches only when
     * {@code learnUnassessed}.
     */
    public static boolean teaches(Map<String, String> details, boolean learnUnassessed) {
        String verified = details.get(RiskNotes.EVENT_VERIFIED);
        return verified == null ? learnUnassessed : Boolean.parseBoolean(verified);
    }
}
