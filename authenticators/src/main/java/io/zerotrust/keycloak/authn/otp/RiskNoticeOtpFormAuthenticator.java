package io.zerotrust.keycloak.authn.otp;

import io.zerotrust.keycloak.authn.AuthNotes;
import io.zerotrust.keycloak.authn.assessment.RiskEventDetails;
import io.zerotrust.keycloak.authn.condition.RiskLevelRule;
import io.zerotrust.keycloak.authn.deny.ZeroTrustDenyAuthenticatorFactory;
import io.zerotrust.keycloak.authn.factor.EnrolmentLimit;
import io.zerotrust.keycloak.authn.flow.NonInteractiveFlow;
import io.zerotrust.keycloak.authn.report.ReportOnly;
import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.spi.RiskNotes;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.OTPFormAuthenticator;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
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
 * <p>A user without OTP may set one up (Keycloak's "Configure OTP" page, before the sign-in completes) only while the
 * risk is at most {@code enrolUpTo} (LOW by default): whoever holds the password could otherwise enrol their own
 * authenticator. Above it the sign-in is refused as zt-deny refuses. Keycloak would send such a user to the set-up
 * page without asking the step (a step not "configured for" the user is set up instead of run), so above LOW the
 * step counts as configured and decides itself; at LOW Keycloak's own set-up applies.
 *
 * <p>Template attributes: those of {@link RiskNotice#addTo}, {@value RiskNotice#ATTRIBUTE_REASONS} and
 * {@value RiskNotice#ATTRIBUTE_LEVEL}.
 */
public class RiskNoticeOtpFormAuthenticator extends OTPFormAuthenticator {


    static final RiskNoticeOtpFormAuthenticator SINGLETON = new RiskNoticeOtpFormAuthenticator();
    private static final Logger LOG = Logger.getLogger(RiskNoticeOtpFormAuthenticator.class);

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return hasOtp(session, realm, user) || decidesEnrolment(session);
    }

    private boolean hasOtp(KeycloakSession session, RealmModel realm, UserModel user) {
        return super.configuredFor(session, realm, user);
    }

    /** In a sign-in assessed above LOW (or not assessed: counted as HIGH), enrolment is this step's decision. */
    private static boolean decidesEnrolment(KeycloakSession session) {
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        return authSession != null && RiskLevelRule.assessedLevel(authSession.getAuthNote(RiskNotes.LEVEL)) != RiskLevel.LOW;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (ReportOnly.on(context)) {
            ReportOnly.instead(context, "otp");
            return;
        }
        if (!hasOtp(context.getSession(), context.getRealm(), context.getUser())) {
            withoutOtp(context);
            return;
        }
        if (NonInteractiveFlow.cannotShowForms(context)) {
            NonInteractiveFlow.requireInteraction(context, NonInteractiveFlow.SECOND_FACTOR_REQUIRED);
            return;
        }
        super.authenticate(context);
    }

    /** The code's answer (a wrong code's LOGIN_ERROR, or the LOGIN) says how risky the sign-in was. */
    @Override
    public void action(AuthenticationFlowContext context) {
        RiskEventDetails.addTo(context.getEvent(), context.getAuthenticationSession());
        super.action(context);
    }

    private static void withoutOtp(AuthenticationFlowContext context) {
        if (!context.getExecution().isRequired()) {
            // An alternative the user has not set up: Keycloak skips it too
            context.attempted();
            return;
        }
        String levelNote = context.getAuthenticationSession().getAuthNote(RiskNotes.LEVEL);
        RiskLevel risk = RiskLevelRule.assessedLevel(levelNote);
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        EnrolmentLimit limit = EnrolmentLimit.read(config == null ? null : config.getConfig(), problem -> LOG.warnf(
                "Realm %s, %s: %s", context.getRealm().getName(), RiskNoticeOtpFormAuthenticatorFactory.PROVIDER_ID, problem));
        if (!limit.allows(risk)) {
            if (levelNote == null) {
                LOG.warnf("Realm %s: zt-otp-form runs without zt-risk-assessment before it; a user without OTP counts as %s",
                        context.getRealm().getName(), risk);
            }
            context.getEvent().detail(RiskNotes.EVENT_ENROLMENT, "refused");
            context.getAuthenticationSession().setAuthNote(AuthNotes.REFUSED_FOR_WANT_OF_FACTOR, "true");
            context.getSession().getProvider(Authenticator.class, ZeroTrustDenyAuthenticatorFactory.PROVIDER_ID).authenticate(context);
            return;
        }
        if (NonInteractiveFlow.cannotShowForms(context)) {
            NonInteractiveFlow.requireInteraction(context, NonInteractiveFlow.SECOND_FACTOR_REQUIRED);
            return;
        }
        // Keycloak's own set-up page runs before the sign-in completes, as after its own OTP form; no factor is verified yet
        context.getEvent().detail(RiskNotes.EVENT_ENROLMENT, "otp");
        context.getAuthenticationSession().addRequiredAction(UserModel.RequiredAction.CONFIGURE_TOTP);
        context.success();
    }

    /**
     * Every rendering of the OTP page passes here. {@code context.form()} hands out the session's one login forms
     * provider, so attributes set on it reach the page that the superclass renders; Keycloak's own OTP form sets
     * its selected credential the same way.
     */
    @Override
    protected Response challenge(AuthenticationFlowContext context, String error, String field) {
        RiskNotice.addTo(context.form(), context.getSession(), context.getAuthenticationSession(), context.getUser());
        return super.challenge(context, error, field);
    }
}
