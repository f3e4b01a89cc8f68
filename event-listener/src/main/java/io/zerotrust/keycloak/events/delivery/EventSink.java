package io.zerotrust.keycloak.events.delivery;

import java.util.List;

import io.zerotrust.keycloak.events.ocsf.OcsfJson;

/** Where OCSF events go. Called from one thread at a time per sink. */
public interface EventSink extends AutoCloseable {

    /** Short name for metrics, logs and the outbox consumer: {@code webhook}, {@code file}, {@code kafka}. */
    String name();

    /**
     * Delivers a batch, retrying as the sink sees fit.
     *
     * @param records the events, oldest first
     * @return the records the receiver refused on their own while it took the others (they can never pass: they
     *         are set aside as dead letters); empty when it took all
     * @throws DeliveryException when the batch could not be delivered and should be sent again later
     */
    List<Rejected> send(List<OcsfJson> records) throws DeliveryException;

    /**
     * One record the receiver refused while taking others.
     *
     * @param index  its place in the batch
     * @param answer the receiver's answer, e.g. {@code HTTP 400: missing class_uid}
     */
    record Rejected(int index, String answer) {
    }

    @Override
    default void close() {
    }
}
