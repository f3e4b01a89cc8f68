package io.zerotrust.keycloak.risk.device;

import io.zerotrust.keycloak.risk.profile.DeviceHabit;

/**
 * Scales {@code DEVICE_UNKNOWN}'s log-odds by the user's own habit: an unknown device says more about a user who
 * nearly always shows a known one than about one who often has none.
 *
 * <p>The log-odds of an unknown device read as a likelihood ratio: an attacker without the victim's cookie never
 * shows a known device, the user fails to with probability {@code 1 - p}, {@code p} their share of sign-ins from a
 * known device, so the evidence is {@code ln(1 / (1 - p))}. The configured {@code unknown-log-odds} is that ratio
 * for a population share {@code p0 = 1 - e^-unknown} (1.5 for 0.78). Each user's share is estimated with a Beta
 * prior worth {@code priorSignIns} sign-ins at {@code p0}: {@code p = (known + priorSignIns * p0) / (counted +
 * priorSignIns)}, so a user with a few sign-ins stays near the configured weight, and the result is held within
 * {@code [minLogOdds, maxLogOdds]} (widened to include the configured weight, which a user without counted sign-ins
 * always gets).
 *
 * @param enabled      false: every user gets the configured weight
 * @param priorSignIns strength of the prior, in sign-ins
 * @param minLogOdds   lowest weight the habit may give
 * @param maxLogOdds   highest weight the habit may give
 */
public record DeviceHabitWeighting(boolean enabled, double priorSignIns, double minLogOdds, double maxLogOdds) {

    public static final boolean DEFAULT_ENABLED = true;
    public static final double DEFAULT_PRIOR_SIGN_INS = 10;
    public static final double DEFAULT_MIN_LOG_ODDS = 0.5;
    public static final double DEFAULT_MAX_LOG_ODDS = 3.0;

    public static DeviceHabitWeighting defaults() {
        return new DeviceHabitWeighting(DEFAULT_ENABLED, DEFAULT_PRIOR_SIGN_INS, DEFAULT_MIN_LOG_ODDS, DEFAULT_MAX_LOG_ODDS);
    }

    public static DeviceHabitWeighting off() {
        return new DeviceHabitWeighting(false, DEFAULT_PRIOR_SIGN_INS, DEFAULT_MIN_LOG_ODDS, DEFAULT_MAX_LOG_ODDS);
    }

    /**
     * The weight of an unknown device for a user with this habit.
     *
     * @param unknown the configured {@code unknown-log-odds}
     * @return the weight and the share behind it; the share is null when the habit did not weigh (switched off, or a
     *         configured weight of 0 or less, which no share explains)
     */
    public Weighted weigh(double unknown, DeviceHabit habit) {
        if (!enabled || unknown <= 0) {
            return new Weighted(unknown, null);
        }
        double priorShare = 1 - Math.exp(-unknown);
        if (habit.signIns() == 0) {
            // exactly the configured weight, without the rounding of going through the share
            return new Weighted(unknown, priorShare);
        }
        double share = (habit.knownDevice() + priorSignIns * priorShare) / (habit.signIns() + priorSignIns);
        double logOdds = -Math.log(Math.max(1 - share, 1e-9));
        double low = Math.min(minLogOdds, unknown);
        double high = Math.max(maxLogOdds, unknown);
        return new Weighted(Math.min(high, Math.max(low, logOdds)), share);
    }

    /**
     * @param logOdds the weight to give
     * @param share   the estimated share of sign-ins from a known device, or null when the habit did not weigh
     */
    public record Weighted(double logOdds, Double share) {
    }
}
