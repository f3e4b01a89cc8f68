package io.zerotrust.keycloak.events.outbox;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.zerotrust.keycloak.events.delivery.DeliveryException;
import org.keycloak.models.KeycloakSession;

/** What one consumer does with a batch it read from the outbox. */
@FunctionalInterface
public interface OutboxHandler {

    /**
     * Works on a batch, oldest first, outside any database transaction (it may wait on a network).
     *
     * @throws DeliveryException when the batch should be tried again later; nothing of it counts as taken
     */
    Outcome handle(List<OutboxRecord> batch) throws DeliveryException;

    /**
     * Whether the next batch may be handled while this one is being marked taken. True only for a handler whose
     * work on a batch does not depend on what marking the previous one commits (a sink, not the scorer).
     */
    default boolean pipelined() {
        return false;
    }

    /**
     * What came of a batch.
     *
     * @param deadLetters records that can never be taken, by id, with why: set aside, and taken
     * @param inCommit    more work for the transaction that marks the batch taken (e.g. writing findings)
     * @param afterCommit what to do once that transaction has committed (e.g. a finding's actions)
     */
    record Outcome(Map<String, String> deadLetters, Consumer<KeycloakSession> inCommit, Runnable afterCommit) {

        public static Outcome taken() {
            return new Outcome(Map.of(), s -> { }, () -> { });
        }

        public static Outcome withDeadLetters(Map<String, String> deadLetters) {
            return new Outcome(Map.copyOf(deadLetters), s -> { }, () -> { });
        }
    }
}
