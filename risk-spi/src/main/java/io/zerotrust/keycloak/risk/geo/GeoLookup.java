package io.zerotrust.keycloak.risk.geo;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The answer of a GeoIP lookup: either a {@link GeoLocation} or a plain-English problem saying why there is
 * none ("no GeoIP database configured", "address 10.0.0.1 is private", "database read failed: ...").
 * Exactly one of the two is non-null.
 *
 * <p>The problem travels on into {@code RiskContext.locationProblem()} as a string, so the wording of the
 * internal-address problem is produced and recognised here only ({@link #internalAddress} and
 * {@link #isInternalAddressProblem}), keeping both ends in step.
 *
 * @param location what the databases know about the address, or null
 * @param problem  why there is no location, or null
 */
public record GeoLookup(GeoLocation location, String problem) {

    private static final Pattern INTERNAL = Pattern.compile(
            "address \\S+ is (private|loopback|link-local|unspecified|multicast|shared \\(carrier-grade NAT\\))");

    public GeoLookup {
        if ((location == null) == (problem == null)) {
            throw new IllegalArgumentException("exactly one of location and problem must be set");
        }
    }

    /** The problem when no database is configured: geolocation is off, which is not a failure. */
    public static final String NOT_CONFIGURED = "no GeoIP database configured";

    public static GeoLookup found(GeoLocation location) {
        return new GeoLookup(Objects.requireNonNull(location, "location"), null);
    }

    public static GeoLookup problem(String problem) {
        return new GeoLookup(null, Objects.requireNonNull(problem, "problem"));
    }

    /** An address no public database can place, e.g. {@code "address 10.0.0.1 is private"}. */
    public static GeoLookup internalAddress(String ip, String kind) {
        return problem("address " + ip + " is " + kind);
    }

    /** Whether {@code problem} says the address is internal (private, loopback, ...) rather than a failure. */
    public static boolean isInternalAddressProblem(String problem) {
        return problem != null && INTERNAL.matcher(problem).matches();
    }

    /** Whether {@code problem} says geolocation is not set up at all (rather than broken). */
    public static boolean isNotConfigured(String problem) {
        return NOT_CONFIGURED.equals(problem);
    }

    public boolean isFound() {
        return location != null;
    }
}
