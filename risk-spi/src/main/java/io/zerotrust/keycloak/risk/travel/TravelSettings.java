package io.zerotrust.keycloak.risk.travel;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import io.zerotrust.keycloak.risk.geo.LocationEvidence;
import io.zerotrust.keycloak.risk.net.AsNumber;
import io.zerotrust.keycloak.risk.spi.OptionReader;

/**
 * Server-wide settings of the {@code impossible-travel} evaluator. A value that cannot be read is reported by the
 * {@link OptionReader} and replaced by its default, so a typo never breaks sign-ins.
 *
 * @param maxSpeedKmh        the fastest plausible travel; above it the evaluator reports impossible travel
 * @param logOdds            evidence of {@code IMPOSSIBLE_TRAVEL} between two precisely located sign-ins
 * @param correlatedShare    the share of its log-odds it keeps beside a stronger reason of the
 *                           {@link LocationEvidence} group
 * @param impreciseRadiusKm  an accuracy radius from which a place counts as imprecisely located
 * @param mobileAsns         networks (AS numbers) whose addresses GeoIP places poorly: mobile carriers
 * @param impreciseLogOdds   evidence of {@code IMPOSSIBLE_TRAVEL} when either end is imprecisely located
 */
public record TravelSettings(double maxSpeedKmh, double logOdds, double correlatedShare, int impreciseRadiusKm,
                             Set<Long> mobileAsns, double impreciseLogOdds) {

    /** Option: fastest plausible speed in km/h. A passenger jet cruises at about 900 km/h. */
    public static final String MAX_SPEED_KMH = "max-speed-kmh";
    /** Option: log-odds of IMPOSSIBLE_TRAVEL. */
    public static final String LOG_ODDS = "log-odds";
    /** Option: share (0-1) of its log-odds beside a stronger location reason ({@link LocationEvidence}). */
    public static final String CORRELATED_SHARE = LocationEvidence.SHARE_OPTION;
    /** Option: accuracy radius in km from which an end of the journey counts as imprecisely located. */
    public static final String IMPRECISE_RADIUS_KM = "imprecise-radius-km";
    /** Option: AS numbers of mobile carriers, separated by commas or spaces ("AS" prefix allowed). */
    public static final String MOBILE_ASNS = "mobile-asns";
    /** Option: log-odds of IMPOSSIBLE_TRAVEL when an end is imprecisely located. */
    public static final String IMPRECISE_LOG_ODDS = "imprecise-log-odds";
    public static final double DEFAULT_MAX_SPEED_KMH = 1000.0;
    public static final double DEFAULT_LOG_ODDS = 5.0;
    public static final int DEFAULT_IMPRECISE_RADIUS_KM = 500;
    public static final double DEFAULT_IMPRECISE_LOG_ODDS = 1.5;
    private static final Pattern SEPARATOR = Pattern.compile("[,\\s]+");

    public TravelSettings {
        mobileAsns = Set.copyOf(mobileAsns);
    }

    public static TravelSettings defaults() {
        return new TravelSettings(DEFAULT_MAX_SPEED_KMH, DEFAULT_LOG_ODDS, LocationEvidence.DEFAULT_SHARE,
                DEFAULT_IMPRECISE_RADIUS_KM, Set.of(), DEFAULT_IMPRECISE_LOG_ODDS);
    }

    /** Reads the settings, reporting what cannot be read through {@code options}. */
    public static TravelSettings parse(OptionReader options) {
        return new TravelSettings(options.positiveDecimal(MAX_SPEED_KMH, DEFAULT_MAX_SPEED_KMH),
                options.logOdds(LOG_ODDS, DEFAULT_LOG_ODDS),
                options.decimal(CORRELATED_SHARE, LocationEvidence.DEFAULT_SHARE, 0.0, 1.0),
                options.integer(IMPRECISE_RADIUS_KM, DEFAULT_IMPRECISE_RADIUS_KM, 1),
                asns(options), options.logOdds(IMPRECISE_LOG_ODDS, DEFAULT_IMPRECISE_LOG_ODDS));
    }

    private static Set<Long> asns(OptionReader options) {
        Set<Long> asns = new LinkedHashSet<>();
        for (String part : options.list(MOBILE_ASNS, SEPARATOR)) {
            Long asn = AsNumber.parse(part);
            if (asn != null) {
                asns.add(asn);
            } else {
                options.invalid(MOBILE_ASNS, part, "expected an AS number such as 64512 or AS64512", null);
            }
        }
        return asns;
    }
}
