package io.zerotrust.keycloak.authn.password;

import java.util.function.Consumer;

import io.zerotrust.keycloak.authn.condition.NetworkCondition;
import io.zerotrust.keycloak.authn.condition.NetworkRule;
import io.zerotrust.keycloak.authn.deny.ZeroTrustDenyAuthenticatorFactory;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.models.AuthenticatorConfigModel;

/**
 * Keycloak's username and password form, refusing by network first on every request: when the page is shown and
 * again when it is posted, before the password is looked at. A condition before the form is judged once per
 * authentication session, so a form fetched from a clean address and posted from a refused one would reach the
 * password check; here the answer to a post from a refused address is the same whatever the password.
 */
public class NetworkCheckedPasswordForm extends UsernamePasswordForm {

    static final NetworkCheckedPasswordForm SINGLETON = new NetworkCheckedPasswordForm();

    private static final Logger LOG = Logger.getLogger(NetworkCheckedPasswordForm.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (!refusedByNetwork(context)) {
            super.authenticate(context);
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (!refusedByNetwork(context)) {
            super.action(context);
        }
    }

    private static boolean refusedByNetwork(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        Consumer<String> problems = problem -> LOG.warnf("Realm %s, %s: %s", context.getRealm().getName(),
                NetworkCheckedPasswordFormFactory.PROVIDER_ID, problem);
        NetworkRule rule = NetworkRule.fromConfig(config == null ? null : config.getConfig(), problems);
        if (NetworkCondition.refusedReasons(context, rule, problems).isEmpty()) {
            return false;
        }
        // No password looked at yet: zt-deny's refusal by network, the same page whatever was typed
        context.getSession().getProvider(Authenticator.class, ZeroTrustDenyAuthenticatorFactory.PROVIDER_ID).authenticate(context);
        return true;
    }
}
