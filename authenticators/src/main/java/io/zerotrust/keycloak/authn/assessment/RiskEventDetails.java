package io.zerotrust.keycloak.authn.assessment;

import io.zerotrust.keycloak.risk.spi.RiskNotes;
import org.keycloak.events.EventBuilder;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The assessment's verdict as event details. A sign-in spans requests and each request has its own event builder,
 * so every step that may end a request with an event (the assessment itself, a code page answered wrongly or
 * rightly) copies the verdict from the authentication session onto the request's event: a LOGIN_ERROR for a wrong
 * code then says how risky the sign-in was, as the LOGIN would.
 */
public final class RiskEventDetails {

    private RiskEventDetails() {
    }

    /**
     * Adds score, level, reasons, device id, what said the address is hosting, the ACR level the risk required and
     * what steps only reported; nothing when no assessment ran.
     */
    public static void addTo(EventBuilder event, AuthenticationSessionModel authSession) {
        if (authSession == null || authSession.getAuthNote(RiskNotes.LEVEL) == null) {
            return;
        }
        event.detail(RiskNotes.EVENT_SCORE, authSession.getAuthNote(RiskNotes.SCORE))
                .detail(RiskNotes.EVENT_LEVEL, authSession.getAuthNote(RiskNotes.LEVEL))
                .detail(RiskNotes.EVENT_REASONS, authSession.getAuthNote(RiskNotes.REASONS))
                .detail(RiskNotes.EVENT_DEVICE_ID, authSession.getAuthNote(RiskNotes.DEVICE_ID));
        String acrLevel = authSession.getAuthNote(RiskAssessmentAuthenticator.NOTE_ACR_LEVEL);
        if (acrLevel != null) {
            event.detail(RiskNotes.EVENT_ACR_LEVEL, acrLevel);
        }
        String hosting = authSession.getAuthNote(RiskNotes.EVENT_GEO_HOSTING);
        if (hosting != null) {
            event.detail(RiskNotes.EVENT_GEO_HOSTING, hosting);
        }
        String reportOnly = authSession.getAuthNote(RiskNotes.EVENT_REPORT_ONLY);
        if (reportOnly != null) {
            event.detail(RiskNotes.EVENT_REPORT_ONLY, reportOnly);
        }
    }
}
