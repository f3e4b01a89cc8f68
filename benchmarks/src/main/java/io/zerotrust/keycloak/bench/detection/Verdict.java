package io.zerotrust.keycloak.bench.detection;

import java.util.List;

import io.zerotrust.keycloak.risk.engine.RiskLevel;

/**
 * What a scorer made of one sign-in.
 *
 * @param risk  higher is riskier; only the order matters (the pack's log-odds, the baseline's log of its score);
 *              NaN when the scorer does not judge the sign-in (the baseline, for a user's first login)
 * @param level   the level at the scorer's thresholds, or null when it has none
 * @param reasons the reason codes behind it, strongest first (empty for a scorer without reasons)
 */
public record Verdict(double risk, RiskLevel level, List<String> reasons) {

    public Verdict {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public Verdict(double risk, RiskLevel level) {
        this(risk, level, List.of());
    }
}
