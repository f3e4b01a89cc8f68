package io.zerotrust.keycloak.authn.condition;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Declares {@code zt-condition-device-posture}: run a sub-flow when the device fails its posture check. */
public class DevicePostureConditionFactory extends ZeroTrustConditionFactory {

    public static final String PROVIDER_ID = "zt-condition-device-posture";

    public static final String CONFIG_CODES = "codes";
    public static final String CONFIG_NEGATE = ZeroTrustCondition.CONFIG_NEGATE;

    public DevicePostureConditionFactory() {
        super(PROVIDER_ID, "Condition - Zero Trust device posture",
                "True when 'Zero Trust: risk assessment' (which must run earlier) gave any of the listed reasons,"
                        + " i.e. the device is unverified or out of date. Without an assessment the condition is true.",
                DevicePostureCondition.SINGLETON);
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(CONFIG_CODES).label("Reason codes")
                .helpText("Risk reason codes that count as a device problem. Empty means the defaults: "
                        + String.join(", ", DevicePostureRule.DEFAULT_CODES) + ".")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
                .property(negateProperty())
                .build();
    }
}
