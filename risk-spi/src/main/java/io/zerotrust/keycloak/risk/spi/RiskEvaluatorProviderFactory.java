package io.zerotrust.keycloak.risk.spi;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/** Factory of a {@link RiskEvaluatorProvider}; server-wide options come through {@code --spi-zt-risk-evaluator--<id>--<key>}. */
public interface RiskEvaluatorProviderFactory extends ProviderFactory<RiskEvaluatorProvider> {

    /** Evaluators are pure and hold nothing to wire up after start-up. */
    @Override
    default void postInit(KeycloakSessionFactory factory) {
    }

    /** Evaluators hold nothing to release. */
    @Override
    default void close() {
    }
}
