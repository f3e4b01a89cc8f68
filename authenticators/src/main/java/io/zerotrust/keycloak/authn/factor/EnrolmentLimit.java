package io.zerotrust.keycloak.authn.factor;

import java.util.Map;
import java.util.function.Consumer;

import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Up to which risk a user without a second factor may enrol a first one in the sign-in (setting {@value #CONFIG_KEY}
 * of zt-otp-form and zt-adaptive-mfa). Whoever holds the password can enrol their own authenticator, so only a
 * sign-in that looks like the user's own (LOW, the default) may; above the limit the sign-in is refused.
 *
 * @param upTo the highest level at which enrolment is allowed; null: never
 */
public record EnrolmentLimit(RiskLevel upTo) {

    /** The setting's key, the same on every step that enrols. */
    public static final String CONFIG_KEY = "enrolUpTo";
    /** The setting's value for "never enrol here". */
    public static final String NEVER = "NONE";
    public static final EnrolmentLimit DEFAULT = new EnrolmentLimit(RiskLevel.LOW);

    /** Whether a user without a factor may enrol one at this risk. */
    public boolean allows(RiskLevel risk) {
        return upTo != null && risk.compareTo(upTo) <= 0;
    }

    /**
     * Reads {@value #CONFIG_KEY} of a step's stored configuration: LOW, MEDIUM, HIGH or NONE (any case); absent
     * means LOW, anything else is reported and means LOW.
     */
    public static EnrolmentLimit read(Map<String, String> config, Consumer<String> problems) {
        OptionReader options = OptionReader.collecting(CONFIG_KEY, config);
        String value = options.choice(CONFIG_KEY, RiskLevel.LOW.name(),
                RiskLevel.LOW.name(), RiskLevel.MEDIUM.name(), RiskLevel.HIGH.name(), NEVER);
        options.problems().forEach(problems);
        return NEVER.equals(value) ? new EnrolmentLimit(null) : new EnrolmentLimit(RiskLevel.valueOf(value));
    }

    /** The admin-console setting, as every step that enrols declares it. */
    public static ProviderConfigProperty configProperty() {
        ProviderConfigProperty property = new ProviderConfigProperty(CONFIG_KEY, "Enrolment allowed up to",
                "Highest risk at which a user without a second factor may set one up in this sign-in (whoever holds the password"
                        + " could enrol their own authenticator); above it the sign-in is refused with a support reference."
                        + " NONE: never enrol here.",
                ProviderConfigProperty.LIST_TYPE, RiskLevel.LOW.name());
        property.setOptions(java.util.List.of(RiskLevel.LOW.name(), RiskLevel.MEDIUM.name(), RiskLevel.HIGH.name(), NEVER));
        return property;
    }
}
