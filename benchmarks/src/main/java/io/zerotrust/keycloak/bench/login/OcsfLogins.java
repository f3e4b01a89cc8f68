package io.zerotrust.keycloak.bench.login;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the successful sign-ins of one realm out of a webhook body of OCSF events (a JSON array, or ndjson). */
final class OcsfLogins {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A LOGIN event: the Keycloak event id ({@code metadata.uid}) and its time ({@code time}, epoch ms). */
    record Login(String eventId, long timeMillis) {
    }

    private OcsfLogins() {
    }

    static List<Login> in(byte[] body, String realm) throws IOException {
        List<Login> logins = new ArrayList<>();
        try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(body)) {
            while (values.hasNext()) {
                JsonNode value = values.next();
                Iterable<JsonNode> events = value.isArray() ? value : List.of(value);
                for (JsonNode event : events) {
                    JsonNode keycloak = event.path("unmapped").path("keycloak");
                    if (keycloak.path("type").asText().equals("LOGIN")
                            && keycloak.path("realm_name").asText().equals(realm)
                            && event.path("time").isIntegralNumber()) {
                        logins.add(new Login(event.path("metadata").path("uid").asText(), event.path("time").asLong()));
                    }
                }
            }
        }
        return logins;
    }
}
