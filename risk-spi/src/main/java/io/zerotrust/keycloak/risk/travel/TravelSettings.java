package io.zerotrust.keycloak.risk.travel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Server-wide settings of the {@code impossible-travel} evaluator. A value that cannot be read is reported in
 * {@link #problems()} and replaced by its default, so a typo never breaks sign-ins.
 *
 * @param maxSpeedKmh the fastest plausible travel; above it the evaluator reports impossible travel
 * @param logOdds     evidence of {@code IMPOSSIBLE_TRAVEL}
 * @param problems    what could not be read, for the log
 */
public record TravelSettings(double maxSpeedKmh, double logOdds, List<String> problems) {

    /** Option: fastest plausible speed in km/h. A passenger jet cruises at about 900 km/h. */
    public static final String MAX_SPEED_KMH = "max-speed-kmh";
    /** Option: log-odds of IMPOSSIBLE_TRAVEL. */
    public static final String LOG_ODDS = "log-odds";
    public static final double DEFAULT_MAX_SPEED_KMH = 1000.0;
    public static final double DEFAULT_LOG_ODDS = 5.0;

    public TravelSettings {
        problems = List.copyOf(problems);
    }

    public static TravelSettings defaults() {
        return new TravelSettings(DEFAULT_MAX_SPEED_KMH, DEFAULT_LOG_ODDS, List.of());
    }

    /** Reads the settings through {@code option} (option key to raw value, null when unset). */
    public static TravelSettings parse(Function<String, String> option) {
        List<String> problems = new ArrayList<>();
        double speed = number(option, MAX_SPEED_KMH, DEFAULT_MAX_SPEED_KMH, true, problems);
        double logOdds = number(option, LOG_ODDS, DEFAULT_LOG_ODDS, false, problems);
        return new TravelSettings(speed, logOdds, problems);
    }

    private static double number(Function<String, String> option, String key, double fallback, boolean positive,
                                 List<String> problems) {
        String raw = option.apply(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(raw.trim());
            if (Double.isFinite(value) && (!positive || value > 0)) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(key + ": '" + raw + "' is not a " + (positive ? "positive " : "") + "number; using " + fallback);
        return fallback;
    }
}
