package io.zerotrust.keycloak.risk.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Combines evaluator evidence as independent log-odds (naive Bayes): the prior plus each reason's log-odds
 * times its evaluator's weight, squashed by the logistic function into a 0-100 score. A reason may also carry a
 * floor: the level is then at least that, whatever the score (rules such as "a step-up mark is at least MEDIUM").
 */
public final class RiskEngine {

    private RiskEngine() {
    }

    public static RiskAssessment combine(List<EvaluatorResult> results, RiskPolicy policy) {
        double total = policy.priorLogOdds();
        List<RiskAssessment.Contribution> contributions = new ArrayList<>();
        List<RiskAssessment.Unavailable> unavailable = new ArrayList<>();
        RiskLevel floor = RiskLevel.LOW;
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
                // A weight of 0 switches an evaluator's evidence off, its rules with it
                if (reason.floor() != null && weight > 0) {
                    floor = RiskLevel.max(floor, reason.floor());
                }
            }
        }
        int score = toScore(total);
        RiskLevel level = RiskLevel.max(policy.levelFor(score), floor);
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
