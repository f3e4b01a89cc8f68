package io.zerotrust.keycloak.authn.deny;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What {@code zt-deny} does about a refusal after the user's password was verified, beyond reporting it. A value
 * that does not parse is reported and replaced by its default: a typo never weakens the response.
 *
 * @param mark     mark the user (a step-up mark) and require Keycloak's password change (UPDATE_PASSWORD)
 * @param duration how long the mark applies
 */
public record LeakedPasswordSettings(boolean mark, Duration duration) {

    public static LeakedPasswordSettings read(Map<String, String> config, Consumer<String> problems) {
        Map<String, String> values = config == null ? Map.of() : config;
        boolean mark = true;
        String action = values.get(ZeroTrustDenyAuthenticatorFactory.CONFIG_ON_VERIFIED_PASSWORD);
        if (action != null && !action.isBlank()) {
            String key = action.strip().toLowerCase(Locale.ROOT);
            if (ZeroTrustDenyAuthenticatorFactory.REPORT.equals(key)) {
                mark = false;
            } else if (!ZeroTrustDenyAuthenticatorFactory.MARK.equals(key)) {
                problems.accept("'" + action + "' is not " + ZeroTrustDenyAuthenticatorFactory.MARK + " or "
                        + ZeroTrustDenyAuthenticatorFactory.REPORT + "; using " + ZeroTrustDenyAuthenticatorFactory.MARK);
            }
        }
        Duration duration = Duration.parse(ZeroTrustDenyAuthenticatorFactory.DEFAULT_MARK_DURATION);
        String raw = values.get(ZeroTrustDenyAuthenticatorFactory.CONFIG_MARK_DURATION);
        if (raw != null && !raw.isBlank()) {
            try {
                Duration parsed = Duration.parse(raw.strip().toUpperCase(Locale.ROOT));
                if (parsed.isNegative() || parsed.isZero()) {
                    problems.accept("mark duration '" + raw + "' is not positive; using " + ZeroTrustDenyAuthenticatorFactory.DEFAULT_MARK_DURATION);
                } else {
                    duration = parsed;
                }
            } catch (DateTimeParseException e) {
                problems.accept("mark duration '" + raw + "' is not an ISO-8601 duration such as P7D; using "
                        + ZeroTrustDenyAuthenticatorFactory.DEFAULT_MARK_DURATION);
            }
        }
        return new LeakedPasswordSettings(mark, duration);
    }
}
