package io.zerotrust.keycloak.events.delivery;

import java.nio.charset.StandardCharsets;

import io.zerotrust.keycloak.events.ocsf.OcsfJson;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns an OCSF event into a Kafka record: keyed by its order key ({@code <realmId>:<userId>}, see
 * {@link OcsfJson}) so that one user's events share a partition and keep their order, with the event id
 * ({@code metadata.uid}) in the {@link #EVENT_ID_HEADER} header, for consumers to drop the duplicates at-least-once
 * delivery may bring without parsing the value.
 */
final class KafkaRecords {

    /** Header carrying {@code metadata.uid}. */
    static final String EVENT_ID_HEADER = "zt-event-id";

    private KafkaRecords() {
    }

    static ProducerRecord<String, byte[]> of(String topic, OcsfJson event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.orderKey(), event.utf8());
        if (event.eventId() != null) {
            record.headers().add(EVENT_ID_HEADER, event.eventId().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
