package io.zerotrust.keycloak.authn.deny;

import java.util.List;

import io.zerotrust.keycloak.authn.FlowStepFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/** Declares {@code zt-deny}: refuse the sign-in, showing the user a support reference. */
public class ZeroTrustDenyAuthenticatorFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "zt-deny";
    /** Event detail holding the reference the user was shown. */
    public static final String EVENT_REFERENCE = "zt_reference";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Zero Trust: deny with support reference";
    }

    @Override
    public String getReferenceCategory() {
        return "zt-deny";
    }

    @Override
    public String getHelpText() {
        return "Refuses the sign-in. The user sees a plain explanation and a support reference; the reference, risk level"
                + " and reasons are recorded in the LOGIN_ERROR event (detail zt_reference). Put it behind a condition.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new ZeroTrustDenyAuthenticator();
    }

}
