package io.zerotrust.keycloak.authn.factor;

import java.util.Locale;
import java.util.function.Consumer;

import io.zerotrust.keycloak.risk.engine.RiskLevel;
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

    /** Reads LOW, MEDIUM, HIGH or NONE (any case); absent means LOW, anything else is reported and means LOW. */
    public static EnrolmentLimit read(String raw, Consumer<String> problems) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT;
        }
        String value = raw.strip().toUpperCase(Locale.ROOT);
        if (NEVER.equals(value)) {
            return new EnrolmentLimit(null);
        }
        try {
            return new EnrolmentLimit(RiskLevel.valueOf(value));
        } catch (IllegalArgumentException e) {
            problems.accept("enrolment level '" + raw + "' is not LOW, MEDIUM, HIGH or NONE; using LOW");
            return DEFAULT;
        }
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
