package io.zerotrust.keycloak.risk.travel;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;

/** The {@link ImpossibleTravelEvaluator} as a Keycloak provider; holds no session state. */
final class ImpossibleTravelEvaluatorProvider implements RiskEvaluatorProvider {

    private final ImpossibleTravelEvaluator evaluator;

    ImpossibleTravelEvaluatorProvider(ImpossibleTravelEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public String id() {
        return evaluator.id();
    }

    @Override
    public EvaluatorResult evaluate(RiskContext context) {
        return evaluator.evaluate(context);
    }
}
