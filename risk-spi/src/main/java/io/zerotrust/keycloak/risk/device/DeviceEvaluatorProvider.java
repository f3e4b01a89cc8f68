package io.zerotrust.keycloak.risk.device;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;

/** The {@link DeviceEvaluator} as a Keycloak provider; holds no session state. */
final class DeviceEvaluatorProvider implements RiskEvaluatorProvider {

    private final DeviceEvaluator evaluator;

    DeviceEvaluatorProvider(DeviceEvaluator evaluator) {
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
