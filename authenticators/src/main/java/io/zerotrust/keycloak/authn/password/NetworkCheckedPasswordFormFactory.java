package io.zerotrust.keycloak.authn.password;

import java.util.List;

import io.zerotrust.keycloak.authn.condition.NetworkConditionFactory;
import io.zerotrust.keycloak.authn.condition.NetworkRule;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Declares {@code zt-username-password-form}: Keycloak's "Username Password Form" that refuses by network
 * (deny list, Tor exit, denied countries) on the page and on its post, before the password is checked.
 */
public class NetworkCheckedPasswordFormFactory extends UsernamePasswordFormFactory {

    public static final String PROVIDER_ID = "zt-username-password-form";
    /** Reason codes that refuse the address; the same codes and defaults as {@code zt-condition-network}'s. */
    public static final String CONFIG_REASONS = NetworkConditionFactory.CONFIG_REASONS;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Zero Trust: username password form, network checked first";
    }

    @Override
    public String getHelpText() {
        return "Keycloak's username and password form that first refuses, like 'Zero Trust: deny', a client address the"
                + " pack's network evaluators refuse (deny list, Tor exit, denied country): when the page is shown and"
                + " again when it is posted, before the password is checked, so the answer never depends on the password.";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(CONFIG_REASONS).label("Reason codes")
                .helpText("Reason codes that refuse the address. Empty: " + String.join(", ", NetworkRule.DEFAULT_CODES)
                        + ". Any code of ip-reputation and geo may be listed, and the per-source failure reasons"
                        + " PASSWORD_SPRAY_IP, CREDENTIAL_STUFFING_IP, CREDENTIAL_STUFFING_NETWORK.")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
                .build();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return NetworkCheckedPasswordForm.SINGLETON;
    }
}
