package io.zerotrust.keycloak.risk.spi;

import org.keycloak.provider.ProviderFactory;

/** Factory of a {@link RiskEvaluatorProvider}; server-wide options come through {@code --spi-zt-risk-evaluator--<id>--<key>}. */
public interface RiskEvaluatorProviderFactory extends ProviderFactory<RiskEvaluatorProvider> {
}
