package io.zerotrust.keycloak.risk.engine;

import java.util.Map;
import java.util.Set;

/**
 * How the engine turns evidence into a score and a level; configured per realm.
 *
 * @param priorLogOdds   log-odds before any evidence (the base rate of a risky login)
 * @param weights        per-evaluator multiplier of its evidence; evaluators not listed weigh 1.0
 * @param mediumAt       score (0-100) from which a login is MEDIUM
 * @param highAt         score (0-100) from which a login is HIGH
 * @param fallbackLevel  the lowest level a login gets when some enabled signal was unavailable
 * @param enabled        evaluator ids to run; empty means all that are installed
 */
public record RiskPolicy(double priorLogOdds, Map<String, Double> weights, int mediumAt, int highAt,
                         RiskLevel fallbackLevel, Set<String> enabled) {

    public static final double DEFAULT_PRIOR_LOG_ODDS = -3.0;
    public static final int DEFAULT_MEDIUM_AT = 30;
    public static final int DEFAULT_HIGH_AT = 70;
    public static final RiskLevel DEFAULT_FALLBACK = RiskLevel.MEDIUM;

    public RiskPolicy {
        weights = Map.copyOf(weights);
        enabled = Set.copyOf(enabled);
        if (mediumAt < 0 || highAt > 100 || mediumAt > highAt) {
            throw new IllegalArgumentException("thresholds must satisfy 0 <= medium <= high <= 100, got medium="
                    + mediumAt + " high=" + highAt);
        }
        weights.forEach((id, w) -> {
            if (w < 0 || Double.isNaN(w) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weight of " + id + " must be a finite number >= 0, got " + w);
            }
        });
    }

    public static RiskPolicy defaults() {
        return new RiskPolicy(DEFAULT_PRIOR_LOG_ODDS, Map.of(), DEFAULT_MEDIUM_AT, DEFAULT_HIGH_AT, DEFAULT_FALLBACK, Set.of());
    }

    public double weightOf(String evaluatorId) {
        return weights.getOrDefault(evaluatorId, 1.0);
    }

    public boolean isEnabled(String evaluatorId) {
        return enabled.isEmpty() || enabled.contains(evaluatorId);
    }

    public RiskLevel levelFor(int score) {
        if (score >= highAt) {
            return RiskLevel.HIGH;
        }
        return score >= mediumAt ? RiskLevel.MEDIUM : RiskLevel.LOW;
    }
}
