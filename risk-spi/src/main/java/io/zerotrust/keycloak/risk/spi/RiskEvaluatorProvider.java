package io.zerotrust.keycloak.risk.spi;

import io.zerotrust.keycloak.risk.engine.RiskEvaluator;
import org.keycloak.provider.Provider;

/** A risk evaluator as a Keycloak provider; its {@link #id()} is its provider factory's id. */
public interface RiskEvaluatorProvider extends RiskEvaluator, Provider {

    @Override
    default void close() {
    }
}
