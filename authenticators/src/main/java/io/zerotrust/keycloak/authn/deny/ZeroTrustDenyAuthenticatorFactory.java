package io.zerotrust.keycloak.authn.deny;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Declares {@code zt-deny}: refuse the sign-in, showing the user a support reference. */
public class ZeroTrustDenyAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "zt-deny";
    /** Event detail holding the reference the user was shown. */
    public static final String EVENT_REFERENCE = "zt_reference";

    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.DISABLED};

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
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new ZeroTrustDenyAuthenticator();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
