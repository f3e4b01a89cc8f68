package io.zerotrust.keycloak.events.delivery;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns an OCSF object into a Kafka record: keyed {@code <realmId>:<userId>} so that one user's events share a
 * partition and keep their order (without a user: {@code <realmId>:<ip>}, or {@code <realmId>:}), with the event
 * id ({@code metadata.uid}) in the {@link #EVENT_ID_HEADER} header, for consumers to drop the duplicates
 * at-least-once delivery may bring without parsing the value.
 */
final class KafkaRecords {

    /** Header carrying {@code metadata.uid}. */
    static final String EVENT_ID_HEADER = "zt-event-id";

    private static final ObjectMapper JSON = new ObjectMapper();

    private KafkaRecords() {
    }

    static ProducerRecord<String, String> of(String topic, String ocsf) {
        JsonNode event;
        try {
            event = JSON.readTree(ocsf);
        } catch (JsonProcessingException e) {
            // the pipeline wrote it; unreadable, it still goes, unkeyed
            return new ProducerRecord<>(topic, null, ocsf);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key(event), ocsf);
        String id = text(event.path("metadata").path("uid"));
        if (id != null) {
            record.headers().add(EVENT_ID_HEADER, id.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    static String key(JsonNode event) {
        String user = text(event.path("user").path("uid"));
        return realmId(event) + ":" + (user != null ? user : ip(event));
    }

    /** Each mapper leaves the realm id under its own {@code unmapped} object (keycloak, zt_finding, zt_verdict). */
    private static String realmId(JsonNode event) {
        for (JsonNode unmapped : event.path("unmapped")) {
            String realm = text(unmapped.path("realm_id"));
            if (realm != null) {
                return realm;
            }
        }
        return "";
    }

    /** The client's address; a finding about a source has it in its evidence. */
    private static String ip(JsonNode event) {
        String ip = text(event.path("src_endpoint").path("ip"));
        if (ip != null) {
            return ip;
        }
        for (JsonNode evidence : event.path("evidences")) {
            ip = text(evidence.path("src_endpoint").path("ip"));
            if (ip != null) {
                return ip;
            }
        }
        return "";
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }
}
