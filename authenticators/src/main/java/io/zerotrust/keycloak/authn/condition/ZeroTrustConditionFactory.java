package io.zerotrust.keycloak.authn.condition;

import org.keycloak.Config;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** What the pack's condition factories share: identity, texts, requirement choices and the "negate" switch. */
abstract class ZeroTrustConditionFactory implements ConditionalAuthenticatorFactory {

    /** Keycloak's conditions offer only these two, since a condition is meaningless as ALTERNATIVE. */
    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.DISABLED};

    private final String id;
    private final String displayType;
    private final String helpText;
    private final ConditionalAuthenticator singleton;

    ZeroTrustConditionFactory(String id, String displayType, String helpText, ConditionalAuthenticator singleton) {
        this.id = id;
        this.displayType = displayType;
        this.helpText = helpText;
        this.singleton = singleton;
    }

    static ProviderConfigProperty negateProperty() {
        ProviderConfigProperty negate = new ProviderConfigProperty(ZeroTrustCondition.CONFIG_NEGATE, "Negate",
                "Invert the result: true becomes false and false becomes true (fail-secure assumptions are made before inverting).",
                ProviderConfigProperty.BOOLEAN_TYPE, "false");
        return negate;
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getDisplayType() {
        return displayType;
    }

    @Override
    public final String getHelpText() {
        return helpText;
    }

    @Override
    public final ConditionalAuthenticator getSingleton() {
        return singleton;
    }

    @Override
    public boolean isConfigurable() {
        return true;
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
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
