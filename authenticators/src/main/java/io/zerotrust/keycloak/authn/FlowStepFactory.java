package io.zerotrust.keycloak.authn;

import org.keycloak.Config;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * What the pack's flow-step factories share: REQUIRED or DISABLED in a flow, no user set-up, configurable when
 * they declare settings, and no server-wide lifecycle.
 */
public abstract class FlowStepFactory implements AuthenticatorFactory {

    private static final Requirement[] REQUIRED_OR_DISABLED = {Requirement.REQUIRED, Requirement.DISABLED};

    @Override
    public boolean isConfigurable() {
        return !getConfigProperties().isEmpty();
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIRED_OR_DISABLED;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
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
