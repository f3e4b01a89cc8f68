package io.zerotrust.keycloak.authn.deny;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import io.zerotrust.keycloak.authn.PositiveDuration;

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
        Duration duration = PositiveDuration.read(values.get(ZeroTrustDenyAuthenticatorFactory.CONFIG_MARK_DURATION),
                ZeroTrustDenyAuthenticatorFactory.DEFAULT_MARK_DURATION, "mark duration", problems);
        return new LeakedPasswordSettings(mark, duration);
    }
}
