package io.zerotrust.keycloak.risk.profile;

import java.time.Duration;

/**
 * Bounds on what a profile keeps, so that a profile's size stays fixed however long a user lives.
 *
 * @param maxCountries most recently seen countries kept
 * @param maxCities    most recently seen cities kept
 * @param maxNetworks  most recently seen networks kept
 * @param maxDevices   most recently seen devices kept
 * @param retention    entries not seen for this long are forgotten
 */
public record ProfileLimits(int maxCountries, int maxCities, int maxNetworks, int maxDevices, Duration retention) {

    public static final ProfileLimits DEFAULT = new ProfileLimits(30, 60, 60, 20, Duration.ofDays(180));

    public ProfileLimits {
        if (maxCountries < 1 || maxCities < 1 || maxNetworks < 1 || maxDevices < 1) {
            throw new IllegalArgumentException("profile limits must be at least 1");
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, got " + retention);
        }
    }
}
