package io.zerotrust.keycloak.events.anomaly;

import java.time.Duration;

/**
 * Tuning of the default scorer.
 *
 * @param maxUsers             users whose history is kept (least recently seen forgotten first)
 * @param maxValuesPerFeature  population values kept per feature (IPs, networks, countries, agents)
 * @param minHistory           sign-ins a user needs before sign-ins are scored against their history
 * @param minLoginScore        lowest unusual-login score reported as a finding
 * @param window               sliding window for failures per source
 * @param maxSources           source addresses and networks tracked
 * @param stuffingMinUsers     distinct failing accounts from one source that make credential stuffing
 * @param sprayMinUsers        accounts with one or two failures each from one source that make a spray
 * @param maxSessions          sessions whose sign-in network is remembered
 */
public record ScorerSettings(int maxUsers, int maxValuesPerFeature, int minHistory, int minLoginScore,
                             Duration window, int maxSources, int stuffingMinUsers, int sprayMinUsers,
                             int maxSessions) {

    public static final ScorerSettings DEFAULT = new ScorerSettings(100_000, 100_000, 5, 30, Duration.ofMinutes(10),
            50_000, 20, 10, 100_000);

    public ScorerSettings {
        if (maxUsers < 1 || maxValuesPerFeature < 1 || minHistory < 1 || maxSources < 1 || maxSessions < 1
                || stuffingMinUsers < 2 || sprayMinUsers < 2 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("scorer settings must be positive (thresholds at least 2)");
        }
    }
}
