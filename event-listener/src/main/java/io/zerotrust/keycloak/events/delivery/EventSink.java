package io.zerotrust.keycloak.events.delivery;

import java.util.List;

/** Where serialized OCSF events go. Called from one thread at a time per sink. */
public interface EventSink extends AutoCloseable {

    /** Short name for metrics, logs and the spool directory: {@code webhook}, {@code file}. */
    String name();

    /**
     * Delivers a batch, retrying as the sink sees fit.
     *
     * @param records one JSON object each
     * @throws DeliveryException when the batch could not be delivered; {@link DeliveryException#permanent()}
     *                           says whether trying again could help
     */
    void send(List<String> records) throws DeliveryException;

    @Override
    default void close() {
    }
}
