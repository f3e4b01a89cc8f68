package io.zerotrust.keycloak.risk.block;

/**
 * Settings of the {@code address-block} evaluator.
 *
 * @param maxLogOdds     cap of the evidence against a sign-in (an unusual block)
 * @param maxReassurance cap of the evidence for it (a usual block), as a positive number
 * @param newBlockRate   the prior of a user's rate of sign-ins from a block new to them within a network, before
 *                       their own sign-ins there say more
 * @param priorLogins    how many sign-ins that prior weighs against the user's own
 */
public record BlockSettings(double maxLogOdds, double maxReassurance, double newBlockRate, double priorLogins) {

    public static final double DEFAULT_MAX_LOG_ODDS = 2.0;
    public static final double DEFAULT_MAX_REASSURANCE = 1.0;
    /**
     * Measured in the detection benchmark against the realm-wide rate per network that the prototype learned
     * (README, Detection): a fixed prior kept the gain, so the pack keeps no population table.
     */
    public static final double DEFAULT_NEW_BLOCK_RATE = 0.3;
    public static final double DEFAULT_PRIOR_LOGINS = 4.0;

    public BlockSettings {
        if (!(maxLogOdds >= 0) || !(maxReassurance >= 0) || !(newBlockRate > 0 && newBlockRate < 1)
                || !(priorLogins > 0) || Double.isInfinite(maxLogOdds) || Double.isInfinite(maxReassurance)
                || Double.isInfinite(priorLogins)) {
            throw new IllegalArgumentException("invalid address-block settings");
        }
    }

    public static BlockSettings defaults() {
        return new BlockSettings(DEFAULT_MAX_LOG_ODDS, DEFAULT_MAX_REASSURANCE, DEFAULT_NEW_BLOCK_RATE, DEFAULT_PRIOR_LOGINS);
    }
}
