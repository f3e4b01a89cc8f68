package io.zerotrust.keycloak.authn.deny;

import java.time.Instant;

import io.zerotrust.keycloak.authn.AuthNotes;
import io.zerotrust.keycloak.authn.FlowStep;
import io.zerotrust.keycloak.authn.flow.NonInteractiveFlow;
import io.zerotrust.keycloak.authn.report.ReportOnly;
import io.zerotrust.keycloak.risk.anomaly.StepUpMark;
import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.spi.RiskNotes;
import io.zerotrust.keycloak.risk.velocity.RefusalBasis;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.broker.provider.AbstractIdentityProvider;
import org.keycloak.events.Errors;
import org.keycloak.models.UserManager;
import org.keycloak.models.UserModel;

/**
 * Refuses the sign-in with a page that gives the user a support reference and nothing internal (no score,
 * no reasons: those would teach an attacker what to change). The reference, the level and the reasons go into
 * the LOGIN_ERROR event for the SOC. Where no page can be shown (direct grant) the refusal is the OAuth error
 * {@code access_denied} with the same reference ({@link NonInteractiveFlow}).
 *
 * <p>Before the user is known (behind {@code zt-condition-network}) the page and the error are the same whatever
 * the username and password, so a refusal teaches nothing about the account; the event then carries the network's
 * reason codes. After the user's password was verified in this flow ({@link #passwordVerified}) the refusal is
 * evidence of a leaked password: the event carries {@code zt_password_verified=true} and the user id (so it counts
 * as a credential failure and raises a finding), and by default the user gets a step-up mark and Keycloak's
 * password change (UPDATE_PASSWORD) for the next sign-in. What this request shows does not change.
 *
 * <p>In the first-broker-login flow a refusal also removes the account that flow has just created for the
 * federated user: it is not linked to the identity provider yet (Keycloak links it only once the flow succeeds),
 * so it would only stand in the way of the user's next sign-in ("account already exists") while holding nothing.
 */
public class ZeroTrustDenyAuthenticator implements FlowStep {

    static final String TEMPLATE = "zt-denied.ftl";
    /** Keycloak's flow path of the first-broker-login flow. */
    static final String FIRST_BROKER_LOGIN_PATH = "first-broker-login";

    private static final Logger LOG = Logger.getLogger(ZeroTrustDenyAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (ReportOnly.on(context)) {
            // no reference (nobody was refused), no mark, no leaked-password evidence; the level and reasons are the
            // sign-in's own, on its events as always
            ReportOnly.instead(context, "deny");
            return;
        }
        String reference = DenialReference.next();
        String level = context.getAuthenticationSession().getAuthNote(RiskNotes.LEVEL);
        String reasons = context.getAuthenticationSession().getAuthNote(RiskNotes.REASONS);
        if (reasons == null) {
            reasons = context.getAuthenticationSession().getAuthNote(AuthNotes.NETWORK_REASONS);
        }
        boolean passwordVerified = passwordVerified(context);
        RefusalBasis basis = RefusalBasis.of(reasons,
                context.getAuthenticationSession().getAuthNote(AuthNotes.REFUSED_FOR_WANT_OF_FACTOR) != null,
                RiskLevel.MEDIUM.name().equals(level));
        if (passwordVerified) {
            context.getEvent().user(context.getUser()).detail(RiskNotes.EVENT_PASSWORD_VERIFIED, "true")
                    .detail(RiskNotes.EVENT_REFUSAL_BASIS, basis.eventValue());
        }
        boolean leaked = passwordVerified && basis == RefusalBasis.RISK;
        context.getEvent()
                .detail(RiskNotes.EVENT_REFERENCE, reference)
                .detail(RiskNotes.EVENT_LEVEL, level == null ? "unknown" : level)
                .detail(RiskNotes.EVENT_REASONS, reasons == null ? "" : reasons)
                .error(Errors.ACCESS_DENIED);
        if (NonInteractiveFlow.cannotShowForms(context)) {
            markLeakedPassword(context, leaked, reference);
            context.failure(AuthenticationFlowError.ACCESS_DENIED, NonInteractiveFlow.accessDenied(reference));
            return;
        }
        Response page = context.form()
                .setAttribute("ztReference", reference)
                .createForm(TEMPLATE);
        removeAccountMadeByThisFirstBrokerLogin(context, reference);
        markLeakedPassword(context, leaked, reference);
        context.failure(AuthenticationFlowError.ACCESS_DENIED, page);
    }

    /**
     * The one definition of "password verified": Keycloak's password steps ({@code auth-username-password-form},
     * {@code auth-password-form}, {@code idp-username-password-form}, {@code direct-grant-validate-password})
     * note in the authentication session that the password they checked was valid, and Keycloak clears the notes
     * whenever the flow restarts or the user changes.
     */
    static boolean passwordVerified(AuthenticationFlowContext context) {
        return context.getUser() != null && AuthenticatorUtil.isPasswordValidated(context.getAuthenticationSession());
    }

    /**
     * Whoever tried the password knew it: the next sign-in needs the strongest factor, then a new password. Only for a
     * refusal resting on the sign-in's own context ({@link RefusalBasis#RISK}); a mark already active is left as it is,
     * so repeated attempts never prolong it.
     */
    private static void markLeakedPassword(AuthenticationFlowContext context, boolean leaked, String reference) {
        UserModel user = context.getUser();
        if (!leaked || user == null) {
            return;
        }
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        LeakedPasswordSettings settings = LeakedPasswordSettings.read(config == null ? null : config.getConfig(),
                problem -> LOG.warnf("Realm %s, %s: %s", context.getRealm().getName(), ZeroTrustDenyAuthenticatorFactory.PROVIDER_ID, problem));
        LOG.infof("Realm %s: refused sign-in %s of user %s came after a verified password%s", context.getRealm().getName(),
                reference, user.getId(), settings.mark() ? "; marked for step-up and password change" : "");
        if (!settings.mark()) {
            return;
        }
        Instant now = Instant.now();
        StepUpMark active = StepUpMark.parse(user.getFirstAttribute(StepUpMark.ATTRIBUTE));
        if (active == null || !active.activeAt(now)) {
            user.setSingleAttribute(StepUpMark.ATTRIBUTE, new StepUpMark(reference, now.plus(settings.duration())).format());
        }
        user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
    }

    private static void removeAccountMadeByThisFirstBrokerLogin(AuthenticationFlowContext context, String reference) {
        UserModel user = context.getUser();
        if (user == null || !FIRST_BROKER_LOGIN_PATH.equals(context.getFlowPath())
                || !"true".equals(context.getAuthenticationSession().getAuthNote(AbstractIdentityProvider.BROKER_REGISTERED_NEW_USER))) {
            return;
        }
        LOG.infof("Realm %s: refused first federated sign-in %s; removing the account %s it had just created",
                context.getRealm().getName(), reference, user.getUsername());
        new UserManager(context.getSession()).removeUser(context.getRealm(), user);
        context.getAuthenticationSession().removeAuthNote(AbstractIdentityProvider.BROKER_REGISTERED_NEW_USER);
        context.clearUser();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
