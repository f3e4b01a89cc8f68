package io.zerotrust.keycloak.authn.deny;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import io.zerotrust.keycloak.risk.spi.OptionReader;

/**
 * What {@code zt-deny} does about a refusal after the user's password was verified, beyond reporting it. A value
 * that does not parse is reported and replaced by its default: a typo never weakens the response.
 *
 * @param mark     mark the user (a step-up mark) and require Keycloak's password change (UPDATE_PASSWORD)
 * @param duration how long the mark applies
 */
public record LeakedPasswordSettings(boolean mark, Duration duration) {

    public static LeakedPasswordSettings read(Map<String, String> config, Consumer<String> problems) {
        OptionReader options = OptionReader.collecting(ZeroTrustDenyAuthenticatorFactory.PROVIDER_ID, config);
        boolean mark = ZeroTrustDenyAuthenticatorFactory.MARK.equals(options.choice(
                ZeroTrustDenyAuthenticatorFactory.CONFIG_ON_VERIFIED_PASSWORD, ZeroTrustDenyAuthenticatorFactory.MARK,
                ZeroTrustDenyAuthenticatorFactory.MARK, ZeroTrustDenyAuthenticatorFactory.REPORT));
        Duration duration = options.isoDuration(ZeroTrustDenyAuthenticatorFactory.CONFIG_MARK_DURATION,
                ZeroTrustDenyAuthenticatorFactory.DEFAULT_MARK_DURATION);
        options.problems().forEach(problems);
        return new LeakedPasswordSettings(mark, duration);
    }
}
