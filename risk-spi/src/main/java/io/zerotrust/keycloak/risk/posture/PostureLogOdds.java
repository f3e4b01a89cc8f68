package io.zerotrust.keycloak.risk.posture;

import io.zerotrust.keycloak.risk.spi.OptionReader;

/**
 * Log-odds the {@link PostureEvaluator} gives each finding; positive raises risk, negative lowers it.
 *
 * @param missing         no assertion sent although posture is configured
 * @param badSignature    unsigned, HMAC or not verifying: someone tried to fake compliance
 * @param stale           too old, expired, future-dated or replayed (such a reason also holds the level at HIGH)
 * @param wrongAudience   issued for another relying party
 * @param unbound         not naming the device of the browser's device cookie: worth no more than no assertion
 * @param malformed       not a JWS, unknown algorithm, claims unreadable
 * @param claimFailed     each required claim not met
 * @param compliant       verified and every required claim met
 * @param browserOutdated browser below its configured minimum version
 * @param osOutdated      OS below its configured minimum version
 */
public record PostureLogOdds(double missing, double badSignature, double stale, double wrongAudience, double unbound,
                             double malformed,
                             double claimFailed, double compliant, double browserOutdated, double osOutdated) {

    public static final double DEFAULT_MISSING = 1.5;
    // With the default prior of -3 this alone reaches HIGH (score 95)
    public static final double DEFAULT_BAD_SIGNATURE = 6.0;
    public static final double DEFAULT_STALE = 4.0;
    public static final double DEFAULT_WRONG_AUDIENCE = 4.0;
    public static final double DEFAULT_UNBOUND = DEFAULT_MISSING;
    public static final double DEFAULT_MALFORMED = 4.0;
    public static final double DEFAULT_CLAIM_FAILED = 2.0;
    public static final double DEFAULT_COMPLIANT = -1.5;
    public static final double DEFAULT_BROWSER_OUTDATED = 1.5;
    public static final double DEFAULT_OS_OUTDATED = 1.5;

    public static PostureLogOdds defaults() {
        return new PostureLogOdds(DEFAULT_MISSING, DEFAULT_BAD_SIGNATURE, DEFAULT_STALE, DEFAULT_WRONG_AUDIENCE,
                DEFAULT_UNBOUND, DEFAULT_MALFORMED, DEFAULT_CLAIM_FAILED, DEFAULT_COMPLIANT, DEFAULT_BROWSER_OUTDATED, DEFAULT_OS_OUTDATED);
    }

    /** Reads the {@link PostureEvaluatorFactory} log-odds keys, each falling back to its default. */
    public static PostureLogOdds from(OptionReader options) {
        return new PostureLogOdds(
                options.logOdds(PostureEvaluatorFactory.MISSING_LOG_ODDS, DEFAULT_MISSING),
                options.logOdds(PostureEvaluatorFactory.BAD_SIGNATURE_LOG_ODDS, DEFAULT_BAD_SIGNATURE),
                options.logOdds(PostureEvaluatorFactory.STALE_LOG_ODDS, DEFAULT_STALE),
                options.logOdds(PostureEvaluatorFactory.WRONG_AUDIENCE_LOG_ODDS, DEFAULT_WRONG_AUDIENCE),
                options.logOdds(PostureEvaluatorFactory.UNBOUND_LOG_ODDS, DEFAULT_UNBOUND),
                options.logOdds(PostureEvaluatorFactory.MALFORMED_LOG_ODDS, DEFAULT_MALFORMED),
                options.logOdds(PostureEvaluatorFactory.CLAIM_FAILED_LOG_ODDS, DEFAULT_CLAIM_FAILED),
                options.logOdds(PostureEvaluatorFactory.COMPLIANT_LOG_ODDS, DEFAULT_COMPLIANT),
                options.logOdds(PostureEvaluatorFactory.BROWSER_OUTDATED_LOG_ODDS, DEFAULT_BROWSER_OUTDATED),
                options.logOdds(PostureEvaluatorFactory.OS_OUTDATED_LOG_ODDS, DEFAULT_OS_OUTDATED));
    }
}
