package io.zerotrust.keycloak.risk.profile;

import java.time.Instant;
import java.util.Objects;

import io.zerotrust.keycloak.risk.geo.GeoLocation;

/**
 * What one fully successful login showed, to be learned into the user's profile.
 *
 * @param time          when the login succeeded
 * @param ip            client address as Keycloak resolved it, or null
 * @param location      GeoIP facts for the address, or null
 * @param deviceId      the device id of a valid device cookie, or null
 * @param browserFamily e.g. "Firefox", or null
 * @param osFamily      e.g. "Windows", or null
 */
public record LoginObservation(Instant time, String ip, GeoLocation location, String deviceId,
                               String browserFamily, String osFamily) {

    public LoginObservation {
        Objects.requireNonNull(time, "time");
    }
}
