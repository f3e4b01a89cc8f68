package io.zerotrust.keycloak.authn.trust;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import io.zerotrust.keycloak.authn.PositiveDuration;

/**
 * The settings of one {@code zt-trusted-device} step. A value that does not parse is reported and replaced by
 * its default, so a typo in the admin console never breaks sign-in.
 */
record TrustSettings(Duration duration, int maxDevices) {

    static TrustSettings read(Map<String, String> config, Consumer<String> problems) {
        Map<String, String> values = config == null ? Map.of() : config;
        Duration duration = PositiveDuration.read(values.get(TrustedDeviceAuthenticatorFactory.CONFIG_TRUST_DURATION),
                TrustedDeviceAuthenticatorFactory.DEFAULT_TRUST_DURATION, "trust duration", problems);
        int maxDevices = TrustedDeviceAuthenticatorFactory.DEFAULT_MAX_DEVICES;
        String rawMax = values.get(TrustedDeviceAuthenticatorFactory.CONFIG_MAX_DEVICES);
        if (rawMax != null && !rawMax.isBlank()) {
            try {
                int parsed = Integer.parseInt(rawMax.strip());
                if (parsed < 1) {
                    problems.accept("trusted devices per user '" + rawMax + "' is below 1; using " + maxDevices);
                } else {
                    maxDevices = parsed;
                }
            } catch (NumberFormatException e) {
                problems.accept("trusted devices per user '" + rawMax + "' is not a whole number; using " + maxDevices);
            }
        }
        return new TrustSettings(duration, maxDevices);
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
