package io.zerotrust.keycloak.authn.otp;

import java.util.List;
import java.util.Locale;

import io.zerotrust.keycloak.authn.AuthNotes;
import io.zerotrust.keycloak.authn.flow.NonInteractiveFlow;
import io.zerotrust.keycloak.risk.spi.RiskNotes;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.OTPFormAuthenticator;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's OTP form, plus the reasons of the risk assessment for the theme to explain. Authentication-session
 * notes are invisible to templates and an earlier step cannot add attributes to a form it does not render, so the
 * step that renders the OTP page adds them itself, on every rendering (first display, wrong code, locked user).
 * Validation of the code is Keycloak's, unchanged.
 *
 * <p>A direct grant cannot show the page: there the step ends the flow with the OAuth error
 * {@code interaction_required}, telling the client to sign the user in through the browser
 * ({@link NonInteractiveFlow#requireInteraction}).
 *
 * <p>Template attributes: {@value #ATTRIBUTE_REASONS} (list of {@link RiskNoticeLine}, empty when there is
 * nothing to explain) and {@value #ATTRIBUTE_LEVEL} (LOW / MEDIUM / HIGH, absent without an assessment).
 */
public class RiskNoticeOtpFormAuthenticator extends OTPFormAuthenticator {

    public static final String ATTRIBUTE_REASONS = "ztRiskReasons";
    public static final String ATTRIBUTE_LEVEL = "ztRiskLevel";

    static final RiskNoticeOtpFormAuthenticator SINGLETON = new RiskNoticeOtpFormAuthenticator();

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (NonInteractiveFlow.cannotShowForms(context)) {
            NonInteractiveFlow.requireInteraction(context, NonInteractiveFlow.SECOND_FACTOR_REQUIRED);
            return;
        }
        super.authenticate(context);
    }

    /**
     * Every rendering of the OTP page passes here. {@code context.form()} hands out the session's one login forms
     * provider, so attributes set on it reach the page that the superclass renders; Keycloak's own OTP form sets
     * its selected credential the same way.
     */
    @Override
    protected Response challenge(AuthenticationFlowContext context, String error, String field) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String level = authSession.getAuthNote(RiskNotes.LEVEL);
        List<RiskNoticeLine> lines = RiskNotice.lines(level, authSession.getAuthNote(RiskNotes.REASONS),
                authSession.getAuthNote(AuthNotes.GEO_COUNTRY), authSession.getAuthNote(AuthNotes.GEO_CITY),
                pageLocale(context));
        context.form().setAttribute(ATTRIBUTE_REASONS, lines);
        if (level != null) {
            context.form().setAttribute(ATTRIBUTE_LEVEL, level);
        }
        return super.challenge(context, error, field);
    }

    private static Locale pageLocale(AuthenticationFlowContext context) {
        // The same resolution the login pages use for their messages, so the country name matches the page
        Locale locale = context.getSession().getContext().resolveLocale(context.getUser());
        return locale == null ? Locale.ENGLISH : locale;
    }
}
