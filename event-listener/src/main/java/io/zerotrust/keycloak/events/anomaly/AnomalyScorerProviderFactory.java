package io.zerotrust.keycloak.events.anomaly;

import org.keycloak.provider.ProviderFactory;

/** Creates {@link AnomalyScorerProvider}s; registered through {@code META-INF/services}. */
public interface AnomalyScorerProviderFactory extends ProviderFactory<AnomalyScorerProvider> {
}
