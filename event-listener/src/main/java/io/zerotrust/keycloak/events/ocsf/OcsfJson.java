package io.zerotrust.keycloak.events.ocsf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One OCSF event as every sink sends it: written once as UTF-8 JSON, with its id ({@code metadata.uid}, the
 * receivers' de-duplication key) and its order key, taken from what the event was written from so that no sink
 * parses the JSON again. The order key groups the events that must keep their order: {@code <realmId>:<userId>}
 * (the event's {@code user.uid}), without a user {@code <realmId>:<ip>} (a finding about a source: the address in
 * its evidence), else {@code <realmId>:}.
 */
public record OcsfJson(byte[] utf8, String eventId, String orderKey) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter WRITER = JSON.writer();

    /** An event a mapper wrote, with the values its id and order key come from (null or empty where absent). */
    static OcsfJson of(byte[] utf8, String eventId, String realmId, String userId, String ip) {
        String subject = present(userId) != null ? userId : present(ip) != null ? ip : "";
        return new OcsfJson(utf8, present(eventId), (realmId == null ? "" : realmId) + ":" + subject);
    }

    /**
     * A stored OCSF record (a finding), written anew so that what a sink sends is compact whatever the row held.
     *
     * @throws IOException when the text is not a JSON object (a damaged stored record)
     */
    public static OcsfJson parse(String json) throws IOException {
        JsonNode node = json == null ? null : JSON.readTree(json);
        if (!(node instanceof ObjectNode event)) {
            throw new IOException("not an OCSF record");
        }
        try {
            return of(WRITER.writeValueAsBytes(event), text(event.path("metadata").path("uid")), realmId(event),
                    text(event.path("user").path("uid")), ip(event));
        } catch (JsonProcessingException e) {
            throw new IOException("an OCSF record that cannot be written again", e);
        }
    }

    /** The event's JSON as text. */
    public String text() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** Each mapper leaves the realm id under its own {@code unmapped} object (keycloak, zt_finding, zt_verdict). */
    private static String realmId(JsonNode event) {
        for (JsonNode unmapped : event.path("unmapped")) {
            String realm = text(unmapped.path("realm_id"));
            if (realm != null) {
                return realm;
            }
        }
        return null;
    }

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
        return null;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? present(node.asText()) : null;
    }

    private static String present(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
