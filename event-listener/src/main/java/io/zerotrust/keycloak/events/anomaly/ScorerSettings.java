package io.zerotrust.keycloak.events.anomaly;

/**
 * Tuning of the default scorer. Attacks across accounts are judged with the {@code login-failures} evaluator's
 * thresholds and window (see {@link CrossAccountDetector}), not here.
 *
 * @param maxUsers             users whose history is kept per realm (least recently seen forgotten first)
 * @param maxValuesPerFeature  population values kept per feature and realm (IPs, networks, countries, agents)
 * @param minHistory           sign-ins a user needs before sign-ins are scored against their history
 * @param minLoginScore        lowest unusual-login score reported as a finding
 * @param maxSessions          sessions whose sign-in network is remembered per realm
 */
public record ScorerSettings(int maxUsers, int maxValuesPerFeature, int minHistory, int minLoginScore, int maxSessions) {

    public static final ScorerSettings DEFAULT = new ScorerSettings(100_000, 100_000, 5, 30, 100_000);

    public ScorerSettings {
        if (maxUsers < 1 || maxValuesPerFeature < 1 || minHistory < 1 || maxSessions < 1
                || minLoginScore < 0 || minLoginScore > 100) {
            throw new IllegalArgumentException("scorer settings must be positive (the score 0-100)");
        }
    }
}
