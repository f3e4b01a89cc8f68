package io.zerotrust.keycloak.authn.assessment;

import java.util.OptionalInt;

import io.zerotrust.keycloak.authn.condition.RiskLevelRule;
import io.zerotrust.keycloak.authn.factor.VerifiedFactor;
import io.zerotrust.keycloak.authn.report.ReportOnly;
import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.spi.RiskNotes;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Whether the step-up the sign-in's risk required was met ({@link RiskNotes#EVENT_VERIFIED}); only such a sign-in
 * teaches the user's profile. LOW requires nothing. MEDIUM and HIGH are met by a second factor verified in this
 * sign-in ({@link VerifiedFactor}) or by reaching the level of authentication the risk required
 * ({@code acrLevelMedium} / {@code acrLevelHigh}, as Keycloak's level-of-authentication conditions record it).
 */
final class StepUpVerdict {

    private StepUpVerdict() {
    }

    static boolean met(RiskLevel risk, boolean factorVerified, OptionalInt requiredLevel, int reachedLevel) {
        if (risk == RiskLevel.LOW || factorVerified) {
            return true;
        }
        return requiredLevel.isPresent() && reachedLevel >= requiredLevel.getAsInt();
    }

    /**
     * Records the verdict as it stands now in the user session (the user-session notes reach the user session at
     * sign-in, so a LOGIN event sent after required actions can be completed from it) and, when given, on the event.
     */
    static boolean record(KeycloakSession session, AuthenticationSessionModel authSession, EventBuilder event) {
        String acrNote = authSession.getAuthNote(RiskAssessmentAuthenticator.NOTE_ACR_LEVEL);
        OptionalInt required = OptionalInt.empty();
        if (acrNote != null) {
            try {
                required = OptionalInt.of(Integer.parseInt(acrNote));
            } catch (NumberFormatException e) {
                // written by this step as a number; anything else requires nothing reachable
            }
        }
        int reached = required.isPresent() ? new AcrStore(session, authSession).getLevelOfAuthenticationFromCurrentAuthentication() : -1;
        // a step that only reported what it would have asked for checked nothing
        boolean met = !ReportOnly.reported(authSession) && met(RiskLevelRule.assessedLevel(authSession.getAuthNote(RiskNotes.LEVEL)),
                VerifiedFactor.inThisSignIn(authSession), required, reached);
        String value = Boolean.toString(met);
        authSession.setUserSessionNote(RiskNotes.EVENT_VERIFIED, value);
        if (event != null) {
            event.detail(RiskNotes.EVENT_VERIFIED, value);
        }
        return met;
    }
}
