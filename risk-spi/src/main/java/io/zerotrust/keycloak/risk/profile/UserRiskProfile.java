package io.zerotrust.keycloak.risk.profile;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the pack has learned about one user from fully successful logins. Immutable; an empty profile is a
 * user with no history (see {@link #isNew()}).
 *
 * @param countries  ISO country codes, each with the time it was last seen
 * @param cities     "CC/City" keys, each with the time last seen
 * @param networks   autonomous system numbers (as strings), each with the time last seen
 * @param devices    device ids (from the signed device cookie), each with the time last seen
 * @param last       the most recent successful login, or null
 * @param hourOfWeek 168 counters, one per hour of the week (Monday 00:00 UTC = 0), of past logins
 * @param logins     number of successful logins learned from
 * @param addressBlocks per network (ASN, as a string), the address blocks its sign-ins came from; empty in a
 *                   profile stored before they were learned
 */
public record UserRiskProfile(Map<String, Instant> countries, Map<String, Instant> cities, Map<String, Instant> networks,
                              Map<String, Instant> devices, LastLogin last, int[] hourOfWeek, long logins,
                              Map<String, NetworkBlocks> addressBlocks) {

    public static final int HOURS_PER_WEEK = 168;

    public UserRiskProfile {
        countries = Map.copyOf(countries);
        cities = Map.copyOf(cities);
        networks = Map.copyOf(networks);
        devices = Map.copyOf(devices);
        addressBlocks = addressBlocks == null ? Map.of() : Map.copyOf(addressBlocks);
        Objects.requireNonNull(hourOfWeek, "hourOfWeek");
        if (hourOfWeek.length != HOURS_PER_WEEK) {
            throw new IllegalArgumentException("hourOfWeek must have 168 entries, got " + hourOfWeek.length);
        }
        hourOfWeek = hourOfWeek.clone();
    }

    /** A profile without address blocks. */
    public UserRiskProfile(Map<String, Instant> countries, Map<String, Instant> cities, Map<String, Instant> networks,
                           Map<String, Instant> devices, LastLogin last, int[] hourOfWeek, long logins) {
        this(countries, cities, networks, devices, last, hourOfWeek, logins, Map.of());
    }

    public static UserRiskProfile empty() {
        return new UserRiskProfile(Map.of(), Map.of(), Map.of(), Map.of(), null, new int[HOURS_PER_WEEK], 0, Map.of());
    }

    /** No successful login learned yet: evaluators apply their cold-start rule. */
    public boolean isNew() {
        return logins == 0;
    }

    @Override
    public int[] hourOfWeek() {
        return hourOfWeek.clone();
    }

    public int loginsAtHourOfWeek(int hour) {
        return hourOfWeek[hour];
    }

    /**
     * The last successful login.
     *
     * @param time             when it happened
     * @param ip               client address
     * @param countryCode      ISO country code or null
     * @param city             city or null
     * @param latitude         degrees or null
     * @param longitude        degrees or null
     * @param accuracyRadiusKm radius or null
     * @param browserFamily    e.g. "Firefox", or null
     * @param osFamily         e.g. "Windows", or null
     */
    public record LastLogin(Instant time, String ip, String countryCode, String city, Double latitude, Double longitude,
                            Integer accuracyRadiusKm, String browserFamily, String osFamily) {
        public LastLogin {
            Objects.requireNonNull(time, "time");
        }
    }
}
