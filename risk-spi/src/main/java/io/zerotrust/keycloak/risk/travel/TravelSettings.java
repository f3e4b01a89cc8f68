package io.zerotrust.keycloak.risk.travel;

import io.zerotrust.keycloak.risk.spi.OptionReader;

/**
 * Server-wide settings of the {@code impossible-travel} evaluator. A value that cannot be read is reported by the
 * {@link OptionReader} and replaced by its default, so a typo never breaks sign-ins.
 *
 * @param maxSpeedKmh the fastest plausible travel; above it the evaluator reports impossible travel
 * @param logOdds     evidence of {@code IMPOSSIBLE_TRAVEL}
 */
public record TravelSettings(double maxSpeedKmh, double logOdds) {

    /** Option: fastest plausible speed in km/h. A passenger jet cruises at about 900 km/h. */
    public static final String MAX_SPEED_KMH = "max-speed-kmh";
    /** Option: log-odds of IMPOSSIBLE_TRAVEL. */
    public static final String LOG_ODDS = "log-odds";
    public static final double DEFAULT_MAX_SPEED_KMH = 1000.0;
    public static final double DEFAULT_LOG_ODDS = 5.0;

    public static TravelSettings defaults() {
        return new TravelSettings(DEFAULT_MAX_SPEED_KMH, DEFAULT_LOG_ODDS);
    }

    /** Reads the settings, reporting what cannot be read through {@code options}. */
    public static TravelSettings parse(OptionReader options) {
        return new TravelSettings(options.positiveDecimal(MAX_SPEED_KMH, DEFAULT_MAX_SPEED_KMH),
                options.logOdds(LOG_ODDS, DEFAULT_LOG_ODDS));
    }
}
