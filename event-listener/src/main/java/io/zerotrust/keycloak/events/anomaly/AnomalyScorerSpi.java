package io.zerotrust.keycloak.events.anomaly;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The {@code zt-anomaly-scorer} SPI: judges the stream of sign-in, token and failure events after they happened
 * and reports {@link AnomalyFinding}s. The built-in provider {@code default} scores in memory on each node;
 * another jar may register its own {@link AnomalyScorerProviderFactory} (an external UEBA, say) and
 * {@code --spi-zt-anomaly-scorer--provider=<id>} picks it.
 */
public class AnomalyScorerSpi implements Spi {

    public static final String NAME = "zt-anomaly-scorer";

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
        return AnomalyScorerProvider.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return AnomalyScorerProviderFactory.class;
    }
}
