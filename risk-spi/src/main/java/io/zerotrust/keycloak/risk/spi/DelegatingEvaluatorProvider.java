package io.zerotrust.keycloak.risk.spi;

import java.util.Objects;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskEvaluator;

/**
 * The thin Keycloak face of a pure {@link RiskEvaluator}: all logic stays in the evaluator, which can be
 * tested without a server.
 */
public final class DelegatingEvaluatorProvider implements RiskEvaluatorProvider {

    private final RiskEvaluator delegate;

    public DelegatingEvaluatorProvider(RiskEvaluator delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public EvaluatorResult evaluate(RiskContext context) {
        return delegate.evaluate(context);
    }
}
