package io.zerotrust.keycloak.bench.replay;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zerotrust.keycloak.risk.spi.RiskNotes;

/**
 * Reads Keycloak's stored events as {@code GET /admin/realms/{realm}/events} returns them: a JSON array of
 * {@code EventRepresentation} ({@code time} in epoch milliseconds, {@code type}, {@code userId}, {@code ipAddress},
 * {@code error}, {@code details} with the pack's {@code zt_*} details). Keycloak stores no GeoIP answer and no
 * User-Agent, so sign-ins read from here have neither. An element that is not such an event is counted as
 * malformed with its index; a file that is not a JSON array is an error.
 */
public final class AdminEventsReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AdminEventsReader() {
    }

    public static RealmHistory read(Reader in) throws IOException {
        JsonNode array = JSON.readTree(in);
        if (array == null || !array.isArray()) {
            throw new IOException("not a JSON array of events (expected what GET /admin/realms/{realm}/events returns)");
        }
        RealmHistory.Builder history = new RealmHistory.Builder(HistoryFormat.ADMIN_EVENTS.label());
        for (int i = 0; i < array.size(); i++) {
            JsonNode event = array.get(i);
            String where = "event " + i;
            if (!event.isObject()) {
                history.malformed(where, "not a JSON object");
                continue;
            }
            String type = text(event.path("type"));
            if (!"LOGIN".equals(type) && !"LOGIN_ERROR".equals(type)) {
                history.skip(type == null ? "(no type)" : type);
                continue;
            }
            if (!event.path("time").canConvertToLong()) {
                history.malformed(where, type + " without a numeric time");
                continue;
            }
            Map<String, String> details = new LinkedHashMap<>();
            event.path("details").fields().forEachRemaining(e -> details.put(e.getKey(), e.getValue().asText()));
            history.add(where, new RecordedEvent(Instant.ofEpochMilli(event.path("time").asLong()), type,
                    text(event.path("error")), text(event.path("userId")), details.get("username"),
                    text(event.path("ipAddress")), null, null, null, null, null, null,
                    details.get(RiskNotes.EVENT_DEVICE_ID), null, details.get(RiskNotes.EVENT_LEVEL),
                    RiskNotes.codes(details.get(RiskNotes.EVENT_REASONS)), details));
        }
        return history.build();
    }

    private static String text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }
}
