package io.zerotrust.keycloak.authn.deny;

import io.zerotrust.keycloak.authn.flow.NonInteractiveFlow;
import io.zerotrust.keycloak.risk.spi.RiskNotes;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import io.zerotrust.keycloak.authn.FlowStep;
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
        String reference = DenialReference.next();
        String level = context.getAuthenticationSession().getAuthNote(RiskNotes.LEVEL);
        String reasons = context.getAuthenticationSession().getAuthNote(RiskNotes.REASONS);
        context.getEvent()
                .detail(ZeroTrustDenyAuthenticatorFactory.EVENT_REFERENCE, reference)
                .detail(RiskNotes.EVENT_LEVEL, level == null ? "unknown" : level)
                .detail(RiskNotes.EVENT_REASONS, reasons == null ? "" : reasons)
                .error(Errors.ACCESS_DENIED);
        if (NonInteractiveFlow.cannotShowForms(context)) {
            context.failure(AuthenticationFlowError.ACCESS_DENIED, NonInteractiveFlow.accessDenied(reference));
            return;
        }
        Response page = context.form()
                .setAttribute("ztReference", reference)
                .createForm(TEMPLATE);
        removeAccountMadeByThisFirstBrokerLogin(context, reference);
        context.failure(AuthenticationFlowError.ACCESS_DENIED, page);
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
