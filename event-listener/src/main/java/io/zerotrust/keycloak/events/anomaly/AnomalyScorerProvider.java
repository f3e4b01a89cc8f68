package io.zerotrust.keycloak.events.anomaly;

import java.util.function.Consumer;

import io.zerotrust.keycloak.events.SecurityEvent;
import org.keycloak.provider.Provider;

/**
 * Scores events for anomalies. Called on the scorer's worker thread, never on a request thread, after the
 * event's transaction committed, in a session opened for a batch of events whose transaction also marks the batch
 * scored: what an implementation writes to the database there is written once, with the batch. A provider lives
 * for one batch.
 */
public interface AnomalyScorerProvider extends Provider {

    /**
     * @param event    one committed event, enriched
     * @param findings told of each finding the event leads to; most events lead to none
     */
    void observe(SecurityEvent event, Consumer<AnomalyFinding> findings);

    @Override
    default void close() {
    }
}
