package io.zerotrust.keycloak.authn.condition;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Declares {@code zt-condition-network}: run a sub-flow by what the client address alone says (deny list, Tor,
 * denied countries), before anything about the user is known.
 */
public class NetworkConditionFactory extends ZeroTrustConditionFactory {

    public static final String PROVIDER_ID = "zt-condition-network";

    public static final String CONFIG_REASONS = "reasons";
    public static final String CONFIG_NEGATE = ZeroTrustCondition.CONFIG_NEGATE;

    public NetworkConditionFactory() {
        super(PROVIDER_ID, "Condition - Zero Trust network",
                "True when the client address gets one of the listed reason codes from the pack's network evaluators"
                        + " (ip-reputation, geo), judged without a user. Needs no risk assessment: put it, with"
                        + " 'Zero Trust: deny', before the password, so the refusal cannot depend on the password.",
                NetworkCondition.SINGLETON);
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(CONFIG_REASONS).label("Reason codes")
                .helpText("Reason codes that make the condition true. Empty: " + String.join(", ", NetworkRule.DEFAULT_CODES)
                        + ". Other codes of ip-reputation and geo may be added, e.g. GEO_ANONYMOUS_VPN, and the per-source"
                        + " failure reasons PASSWORD_SPRAY_IP, CREDENTIAL_STUFFING_IP, CREDENTIAL_STUFFING_NETWORK (refusing"
                        + " everyone behind a shared address or network while they last).")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
                .property(negateProperty())
                .build();
    }
}
