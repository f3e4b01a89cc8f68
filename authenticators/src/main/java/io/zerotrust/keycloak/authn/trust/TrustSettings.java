package io.zerotrust.keycloak.authn.trust;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import io.zerotrust.keycloak.risk.spi.OptionReader;

/**
 * The settings of one {@code zt-trusted-device} step. A value that does not parse is reported and replaced by
 * its default, so a typo in the admin console never breaks sign-in.
 */
record TrustSettings(Duration duration, int maxDevices) {

    static TrustSettings read(Map<String, String> config, Consumer<String> problems) {
        OptionReader options = OptionReader.collecting(TrustedDeviceAuthenticatorFactory.PROVIDER_ID, config);
        TrustSettings settings = new TrustSettings(
                options.isoDuration(TrustedDeviceAuthenticatorFactory.CONFIG_TRUST_DURATION,
                        TrustedDeviceAuthenticatorFactory.DEFAULT_TRUST_DURATION),
                options.integer(TrustedDeviceAuthenticatorFactory.CONFIG_MAX_DEVICES,
                        TrustedDeviceAuthenticatorFactory.DEFAULT_MAX_DEVICES, 1));
        options.problems().forEach(problems);
        return settings;
    }

    /** The duration as the page states it: whole days, else hours, else minutes (at least one). */
    TrustPeriod period() {
        if (duration.toDays() >= 1) {
            return new TrustPeriod(TrustPeriod.Unit.DAYS, duration.toDays());
        }
        if (duration.toHours() >= 1) {
            return new TrustPeriod(TrustPeriod.Unit.HOURS, duration.toHours());
        }
        return new TrustPeriod(TrustPeriod.Unit.MINUTES, Math.max(1, duration.toMinutes()));
    }

    /** A duration in the largest whole unit, for the page's wording. */
    record TrustPeriod(Unit unit, long amount) {
        enum Unit { DAYS, HOURS, MINUTES }
    }
}
