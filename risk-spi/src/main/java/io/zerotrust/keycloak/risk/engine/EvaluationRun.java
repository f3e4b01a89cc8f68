package io.zerotrust.keycloak.risk.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs evaluators one after another on the caller's thread, turning any failure into an unavailable signal
 * so that a broken evaluator can never fail a login.
 */
public final class EvaluationRun {

    private EvaluationRun() {
    }

    public static RiskAssessment assess(List<? extends RiskEvaluator> evaluators, RiskContext context, RiskPolicy policy) {
        List<EvaluatorResult> results = new ArrayList<>(evaluators.size());
        for (RiskEvaluator evaluator : evaluators) {
            if (policy.isEnabled(evaluator.id())) {
                results.add(evaluateSafely(evaluator, context));
            }
        }
        return RiskEngine.combine(results, policy);
    }

    static EvaluatorResult evaluateSafely(RiskEvaluator evaluator, RiskContext context) {
        try {
            EvaluatorResult result = evaluator.evaluate(context);
            if (result == null) {
                return EvaluatorResult.unavailable(evaluator.id(), "evaluator returned no result");
            }
            return result;
        } catch (RuntimeException | LinkageError e) {
            return EvaluatorResult.unavailable(evaluator.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
