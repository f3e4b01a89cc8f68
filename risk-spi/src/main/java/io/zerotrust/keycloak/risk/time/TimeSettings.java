package io.zerotrust.keycloak.risk.time;

import java.util.List;

/**
 * Server-wide settings of the time evaluator.
 *
 * @param windows       admin-defined access windows; empty disables the window rule
 * @param minLogins     learned logins needed before the hour-of-week profile counts as evidence (cold start)
 * @param neighbourHours hours on either side of the current hour counted with it, so a user who always signs in
 *                      at 08:50 is not flagged at 09:05; 0 counts the exact hour only
 * @param smoothing     pseudo-count added to every one of the 168 bins (additive smoothing)
 */
public record TimeSettings(List<AccessWindow> windows, int minLogins, int neighbourHours, double smoothing) {

    public static final int DEFAULT_MIN_LOGINS = 10;
    public static final int DEFAULT_NEIGHBOUR_HOURS = 1;
    /**
     * Add-one (classic Laplace) smoothing would add 168 pseudo-logins and drown a profile of 10-100 real ones,
     * so the rule would never speak; 0.05 per bin (8.4 in all) lets an empty hour stand out after about 10 logins.
     */
    public static final double DEFAULT_SMOOTHING = 0.05;

    public TimeSettings {
        windows = windows == null ? List.of() : List.copyOf(windows);
        if (minLogins < 1 || neighbourHours < 0 || neighbourHours > 12 || !(smoothing > 0)) {
            throw new IllegalArgumentException("invalid time settings");
        }
    }

    public static TimeSettings defaults() {
        return new TimeSettings(List.of(), DEFAULT_MIN_LOGINS, DEFAULT_NEIGHBOUR_HOURS, DEFAULT_SMOOTHING);
    }

    public TimeSettings withWindows(List<AccessWindow> value) {
        return new TimeSettings(value, minLogins, neighbourHours, smoothing);
    }
}
