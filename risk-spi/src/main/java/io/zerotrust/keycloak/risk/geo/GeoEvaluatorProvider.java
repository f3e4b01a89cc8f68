package io.zerotrust.keycloak.risk.geo;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;

/** The {@link GeoEvaluator} as a Keycloak provider; holds no session state. */
final class GeoEvaluatorProvider implements RiskEvaluatorProvider {

    private final GeoEvaluator evaluator;

    GeoEvaluatorProvider(GeoEvaluator evaluator) {
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
