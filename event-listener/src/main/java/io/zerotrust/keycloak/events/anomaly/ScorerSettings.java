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
 * @param maxSources           source addresses and networks tracked per realm
 * @param maxSourceBytes       estimated heap their failure windows may hold per realm (at least 1 MiB)
 * @param stuffingMinUsers     distinct failing accounts from one source that make credential stuffing
 * @param sprayMinUsers        accounts with one or two failures each from one source that make a spray
 * @param maxSessions          sessions whose sign-in network is remembered
 */
public record ScorerSettings(int maxUsers, int maxValuesPerFeature, int minHistory, int minLoginScore,
                             Duration window, int maxSources, long maxSourceBytes, int stuffingMinUsers,
                             int sprayMinUsers, int maxSessions) {

    /** Least {@code maxSourceBytes}: room for a few full windows, so the source failing now is never evicted. */
    public static final long MIN_SOURCE_BYTES = 1L << 20;

    public static final ScorerSettings DEFAULT = new ScorerSettings(100_000, 100_000, 5, 30, Duration.ofMinutes(10),
            50_000, 32L << 20, 20, 10, 100_000);

    public ScorerSettings {
        if (maxSourceBytes < MIN_SOURCE_BYTES) {
            throw new IllegalArgumentException("the source memory bound must be at least 1 MiB");
        }
        if (maxUsers < 1 || maxValuesPerFeature < 1 || minHistory < 1 || maxSources < 1 || maxSessions < 1
                || stuffingMinUsers < 2 || sprayMinUsers < 2 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("scorer settings must be positive (thresholds at least 2)");
        }
    }
}
