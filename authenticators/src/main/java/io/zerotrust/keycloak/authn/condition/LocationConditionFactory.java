package io.zerotrust.keycloak.authn.condition;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Declares {@code zt-condition-location}: run a sub-flow by the country the sign-in comes from. */
public class LocationConditionFactory extends ZeroTrustConditionFactory {

    public static final String PROVIDER_ID = "zt-condition-location";

    public static final String CONFIG_COUNTRIES = "countries";
    public static final String CONFIG_MODE = "mode";
    public static final String CONFIG_NEGATE = ZeroTrustCondition.CONFIG_NEGATE;

    public LocationConditionFactory() {
        super(PROVIDER_ID, "Condition - Zero Trust location",
                "True when the sign-in's country (located by 'Zero Trust: risk assessment', which must run earlier) is in,"
                        + " or not in, the listed countries. An unknown country counts as not listed.",
                LocationCondition.SINGLETON);
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(CONFIG_COUNTRIES).label("Countries")
                .helpText("Two-letter ISO 3166-1 country codes, e.g. DE, AT, CH.")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
                .property().name(CONFIG_MODE).label("Mode")
                .helpText("in: true when the sign-in comes from a listed country."
                        + " not-in: true when it comes from any other country, or from an address whose country is unknown.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(LocationRule.Mode.IN.key(), LocationRule.Mode.NOT_IN.key())
                .defaultValue(LocationRule.DEFAULT_MODE.key()).add()
                .property(negateProperty())
                .build();
    }
}
