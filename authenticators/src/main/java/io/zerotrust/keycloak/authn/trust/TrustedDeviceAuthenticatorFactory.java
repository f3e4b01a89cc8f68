package io.zerotrust.keycloak.authn.trust;

import java.util.List;

import io.zerotrust.keycloak.authn.FlowStepFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Declares {@code zt-trusted-device}: after a second factor, offer to trust this device for a while. */
public class TrustedDeviceAuthenticatorFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "zt-trusted-device";

    /** How long the trust lasts, as an ISO-8601 duration (P30D). */
    public static final String CONFIG_TRUST_DURATION = "trustDuration";
    /** How many devices a user may trust at once; the oldest trust goes first. */
    public static final String CONFIG_MAX_DEVICES = "maxTrustedDevices";

    public static final String DEFAULT_TRUST_DURATION = "P30D";
    public static final int DEFAULT_MAX_DEVICES = 5;


    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Zero Trust: offer to trust this device";
    }

    @Override
    public String getReferenceCategory() {
        // The credential type: lets the account console list the user's trusted devices
        return TrustedDeviceCredential.TYPE;
    }

    @Override
    public String getHelpText() {
        return "Place it right after a second factor. Asks the user whether to trust this browser for a while; a trusted device"
                + " lowers the risk of later sign-ins from it (evaluator 'device'). Needs zt-risk-assessment earlier in the flow."
                + " Users remove trusted devices in the account console, admins in the user's Credentials tab.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(CONFIG_TRUST_DURATION).label("Trust duration")
                .helpText("How long a trusted device stays trusted, as an ISO-8601 duration: P30D is 30 days, PT12H 12 hours.")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_TRUST_DURATION).add()
                .property().name(CONFIG_MAX_DEVICES).label("Trusted devices per user")
                .helpText("How many devices a user may trust at once; trusting one more drops the oldest.")
                .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(DEFAULT_MAX_DEVICES).add()
                .build();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new TrustedDeviceAuthenticator();
    }

}
