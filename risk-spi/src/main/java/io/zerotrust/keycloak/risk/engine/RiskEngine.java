package io.zerotrust.keycloak.risk.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Combines evaluator evidence as independent log-odds (naive Bayes): the prior plus each reason's log-odds
 * times its evaluator's weight, squashed by the logistic function into a 0-100 score.
 */
public final class RiskEngine {

    private RiskEngine() {
    }

    public static RiskAssessment combine(List<EvaluatorResult> results, RiskPolicy policy) {
        double total = policy.priorLogOdds();
        List<RiskAssessment.Contribution> contributions = new ArrayList<>();
        List<RiskAssessment.Unavailable> unavailable = new ArrayList<>();
        for (EvaluatorResult result : results) {
            if (!policy.isEnabled(result.evaluator())) {
                continue;
            }
            if (!result.available()) {
                unavailable.add(new RiskAssessment.Unavailable(result.evaluator(), result.unavailableReason()));
                continue;
            }
            double weight = policy.weightOf(result.evaluator());
            for (RiskReason reason : result.reasons()) {
                double weighted = reason.logOdds() * weight;
                total += weighted;
                contributions.add(new RiskAssessment.Contribution(reason, weighted));
            }
        }
        int score = toScore(total);
        RiskLevel level = policy.levelFor(score);
        if (!unavailable.isEmpty()) {
            level = RiskLevel.max(level, policy.fallbackLevel());
        }
        return new RiskAssessment(score, level, contributions, unavailable);
    }

    static int toScore(double logOdds) {
        double p = 1.0 / (1.0 + Math.exp(-logOdds));
        return (int) Math.round(100.0 * p);
    }
}
