package io.zerotrust.keycloak.risk.spi;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The {@code zt-risk-evaluator} SPI: a jar that registers a {@link RiskEvaluatorProviderFactory} in
 * {@code META-INF/services} adds an evaluator to every risk assessment without touching this pack.
 */
public class RiskEvaluatorSpi implements Spi {

    public static final String NAME = "zt-risk-evaluator";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return RiskEvaluatorProvider.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return RiskEvaluatorProviderFactory.class;
    }
}
