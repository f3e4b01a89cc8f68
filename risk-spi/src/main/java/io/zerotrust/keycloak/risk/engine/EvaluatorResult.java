package io.zerotrust.keycloak.risk.engine;

import java.util.List;
import java.util.Objects;

/**
 * What one evaluator found: a list of reasons, or that its signal could not be computed and why.
 */
public record EvaluatorResult(String evaluator, List<RiskReason> reasons, String unavailableReason) {

    public EvaluatorResult {
        Objects.requireNonNull(evaluator, "evaluator");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public static EvaluatorResult of(String evaluator, List<RiskReason> reasons) {
        return new EvaluatorResult(evaluator, reasons, null);
    }

    public static EvaluatorResult none(String evaluator) {
        return new EvaluatorResult(evaluator, List.of(), null);
    }

    public static EvaluatorResult unavailable(String evaluator, String why) {
        return new EvaluatorResult(evaluator, List.of(), Objects.requireNonNull(why, "why"));
    }

    public boolean available() {
        return unavailableReason == null;
    }
}
