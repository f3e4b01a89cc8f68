package io.zerotrust.keycloak.authn.condition;

import io.zerotrust.keycloak.authn.FlowStepFactory;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** What the pack's condition factories share: identity, texts and the "negate" switch (REQUIRED or DISABLED, as Keycloak's conditions). */
abstract class ZeroTrustConditionFactory extends FlowStepFactory implements ConditionalAuthenticatorFactory {

    private final String id;
    private final String displayType;
    private final String helpText;
    private final ConditionalAuthenticator singleton;

    /** Keycloak's admin console offers a provider under "Add condition" only when its display name starts so. */
    static final String CONDITION_PREFIX = "Condition ";

    ZeroTrustConditionFactory(String id, String displayType, String helpText, ConditionalAuthenticator singleton) {
        if (!displayType.startsWith(CONDITION_PREFIX)) {
            throw new IllegalArgumentException("condition " + id + ": display name must start with '" + CONDITION_PREFIX + "'");
        }
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

}
