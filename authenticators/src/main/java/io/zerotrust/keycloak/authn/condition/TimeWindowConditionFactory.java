package io.zerotrust.keycloak.authn.condition;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Declares {@code zt-condition-time-window}: run a sub-flow by the time of the sign-in. */
public class TimeWindowConditionFactory extends ZeroTrustConditionFactory {

    public static final String PROVIDER_ID = "zt-condition-time-window";

    public static final String CONFIG_WINDOWS = "windows";
    public static final String CONFIG_NEGATE = ZeroTrustCondition.CONFIG_NEGATE;

    public TimeWindowConditionFactory() {
        super(PROVIDER_ID, "Condition - Zero Trust time window",
                "True when the sign-in happens inside one of the time windows. Needs no risk assessment.",
                TimeWindowCondition.SINGLETON);
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(CONFIG_WINDOWS).label("Time windows")
                .helpText("Each '<days> <HH:mm>-<HH:mm> <time zone>', e.g. 'Mon-Fri 07:00-19:00 Europe/Berlin' or 'Sat,Sun 10:00-14:00 UTC'."
                        + " An end not after the start crosses midnight ('Fri 22:00-06:00'); 24:00 ends a day. The zone is required."
                        + " A window that cannot be read is ignored and logged; with none readable the condition is false.")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
                .property(negateProperty())
                .build();
    }
}
