package io.zerotrust.keycloak.events.ocsf;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One OCSF event as every sink sends it: written once as UTF-8 JSON, with its id ({@code metadata.uid}, the
 * receivers' de-duplication key) and its order key, read off the object before it was written so that no sink
 * parses the JSON again. The order key groups the events that must keep their order: {@code <realmId>:<userId>},
 * without a user {@code <realmId>:<ip>} (a finding about a source: the address in its evidence), else
 * {@code <realmId>:}.
 */
public record OcsfJson(byte[] utf8, String eventId, String orderKey) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter WRITER = JSON.writer();

    public static OcsfJson of(ObjectNode event) {
        try {
            return new OcsfJson(WRITER.writeValueAsBytes(event), text(event.path("metadata").path("uid")),
                    realmId(event) + ":" + subject(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an OCSF object that cannot be written", e);
        }
    }

    /** @throws IOException when the text is not a JSON object (a damaged stored record) */
    public static OcsfJson parse(String json) throws IOException {
        JsonNode node = json == null ? null : JSON.readTree(json);
        if (!(node instanceof ObjectNode object)) {
            throw new IOException("not an OCSF record");
        }
        return of(object);
    }

    private static String subject(JsonNode event) {
        String user = text(event.path("user").path("uid"));
        return user != null ? user : ip(event);
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
