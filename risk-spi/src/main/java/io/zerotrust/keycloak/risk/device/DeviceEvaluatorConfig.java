package io.zerotrust.keycloak.risk.device;

import io.zerotrust.keycloak.risk.spi.OptionReader;

/**
 * Log-odds the {@link DeviceEvaluator} gives each finding; positive raises risk, negative lowers it.
 *
 * @param unknown        a device never seen in a successful login of this user
 * @param coldStart      the same for a user with no login history yet: every device is new then, so the evidence
 *                       is weak, but an account's first sign-in is not proof of anything either
 * @param known          a validly signed cookie of a device seen in a past successful login
 * @param trusted        a device the user chose to trust
 * @param forged         a cookie that does not verify: somebody made or altered it
 * @param otherUser      a genuine cookie of another user: a shared or stolen browser
 * @param expired        a genuine but expired cookie: usually a device unused for a long time
 * @param browserChanged browser family differs from the last successful login (unrecognised device only)
 * @param osChanged      OS family differs from the last successful login (unrecognised device only)
 */
public record DeviceEvaluatorConfig(double unknown, double coldStart, double known, double trusted, double forged,
                                    double otherUser, double expired, double browserChanged, double osChanged) {

    public static final double DEFAULT_UNKNOWN = 1.5;
    public static final double DEFAULT_COLD_START = 0.5;
    public static final double DEFAULT_KNOWN = -1.0;
    public static final double DEFAULT_TRUSTED = -2.5;
    public static final double DEFAULT_FORGED = 4.0;
    public static final double DEFAULT_OTHER_USER = 3.0;
    public static final double DEFAULT_EXPIRED = 0.5;
    public static final double DEFAULT_BROWSER_CHANGED = 0.5;
    public static final double DEFAULT_OS_CHANGED = 0.75;

    public static DeviceEvaluatorConfig defaults() {
        return new DeviceEvaluatorConfig(DEFAULT_UNKNOWN, DEFAULT_COLD_START, DEFAULT_KNOWN, DEFAULT_TRUSTED, DEFAULT_FORGED,
                DEFAULT_OTHER_USER, DEFAULT_EXPIRED, DEFAULT_BROWSER_CHANGED, DEFAULT_OS_CHANGED);
    }

    /** Reads the {@link DeviceEvaluatorFactory} option keys, each falling back to its default. */
    public static DeviceEvaluatorConfig from(OptionReader options) {
        return new DeviceEvaluatorConfig(
                options.logOdds(DeviceEvaluatorFactory.UNKNOWN_LOG_ODDS, DEFAULT_UNKNOWN),
                options.logOdds(DeviceEvaluatorFactory.COLD_START_LOG_ODDS, DEFAULT_COLD_START),
                options.logOdds(DeviceEvaluatorFactory.KNOWN_LOG_ODDS, DEFAULT_KNOWN),
                options.logOdds(DeviceEvaluatorFactory.TRUSTED_LOG_ODDS, DEFAULT_TRUSTED),
                options.logOdds(DeviceEvaluatorFactory.FORGED_LOG_ODDS, DEFAULT_FORGED),
                options.logOdds(DeviceEvaluatorFactory.OTHER_USER_LOG_ODDS, DEFAULT_OTHER_USER),
                options.logOdds(DeviceEvaluatorFactory.EXPIRED_LOG_ODDS, DEFAULT_EXPIRED),
                options.logOdds(DeviceEvaluatorFactory.BROWSER_CHANGED_LOG_ODDS, DEFAULT_BROWSER_CHANGED),
                options.logOdds(DeviceEvaluatorFactory.OS_CHANGED_LOG_ODDS, DEFAULT_OS_CHANGED));
    }
}
