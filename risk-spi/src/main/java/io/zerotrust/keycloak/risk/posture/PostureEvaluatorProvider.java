package io.zerotrust.keycloak.risk.posture;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;

/** The {@link PostureEvaluator} as a Keycloak provider; holds no session state. */
final class PostureEvaluatorProvider implements RiskEvaluatorProvider {

    private final PostureEvaluator evaluator;

    PostureEvaluatorProvider(PostureEvaluator evaluator) {
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
