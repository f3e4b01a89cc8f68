package io.zerotrust.keycloak.bench.detection;

import java.time.Instant;
import java.util.Objects;

import io.zerotrust.keycloak.risk.geo.GeoLocation;

/**
 * One sign-in as a replay sees it: what a realm's exported LOGIN event carries (user, time, address, its GeoIP
 * answer, User-Agent, device) and whether the sign-in may teach the profile.
 *
 * @param userId          the user
 * @param time            when it happened
 * @param ip              client address
 * @param location        what GeoIP said about {@code ip}, or null
 * @param userAgent       User-Agent header, or null
 * @param presentedDevice device id of the valid device cookie the browser sent, or null when it sent none
 * @param issuedDevice    device id of the cookie the sign-in set because none was presented, or null
 * @param teaches         the step-up the risk required was met (event detail {@code zt_risk_verified=true}), so the
 *                        sign-in is learned; false for attacks, which never complete their step-up
 */
public record LoginRecord(String userId, Instant time, String ip, GeoLocation location, String userAgent,
                          String presentedDevice, String issuedDevice, boolean teaches) {

    public LoginRecord {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(time, "time");
    }

    /** The device the profile learns from this sign-in: the one presented, else the one just issued. */
    public String learnedDevice() {
        return presentedDevice != null ? presentedDevice : issuedDevice;
    }
}
