package io.zerotrust.keycloak.bench.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the {@code zt-events} file sink's JSON lines (one OCSF object per line, as {@code OcsfMapper} writes them):
 * Authentication (class 3002) records of Keycloak's LOGIN and LOGIN_ERROR. Other classes and types are skipped; a
 * line that is not such a record is counted as malformed with its number, and reading goes on.
 */
public final class OcsfHistoryReader {

    static final int AUTHENTICATION = 3002;
    static final String RISK_ENRICHMENT = "zt.risk";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OcsfHistoryReader() {
    }

    public static RealmHistory read(BufferedReader lines) throws IOException {
        RealmHistory.Builder history = new RealmHistory.Builder(HistoryFormat.OCSF.label());
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String where = "line " + number;
            JsonNode ocsf;
            try {
                ocsf = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                history.malformed(where, "not JSON (" + e.getOriginalMessage() + ")");
                continue;
            }
            if (ocsf == null || !ocsf.isObject()) {
                history.malformed(where, "not a JSON object");
                continue;
            }
            if (ocsf.path("class_uid").asInt(-1) != AUTHENTICATION) {
                history.skip(ocsf.path("class_name").asText("class " + ocsf.path("class_uid").asText("?")));
                continue;
            }
            String type = text(ocsf.at("/unmapped/keycloak/type"));
            if (!"LOGIN".equals(type) && !"LOGIN_ERROR".equals(type)) {
                history.skip(type == null ? "Authentication without a Keycloak type" : type);
                continue;
            }
            if (!ocsf.path("time").canConvertToLong()) {
                history.malformed(where, type + " without a numeric time");
                continue;
            }
            history.add(where, event(ocsf, type));
        }
        return history.build();
    }

    private static RecordedEvent event(JsonNode ocsf, String type) {
        JsonNode endpoint = ocsf.path("src_endpoint");
        JsonNode location = endpoint.path("location");
        JsonNode risk = riskEnrichment(ocsf);
        Map<String, String> details = new LinkedHashMap<>();
        ocsf.at("/unmapped/keycloak/details").fields().forEachRemaining(e -> details.put(e.getKey(), e.getValue().asText()));
        List<String> reasons = new ArrayList<>();
        risk.path("data").path("reasons").forEach(r -> reasons.add(r.asText()));
        String error = text(ocsf.at("/unmapped/keycloak/error"));
        return new RecordedEvent(Instant.ofEpochMilli(ocsf.path("time").asLong()), type,
                error != null ? error : text(ocsf.path("status_detail")),
                text(ocsf.at("/user/uid")), text(ocsf.at("/user/name")), text(endpoint.path("ip")),
                text(location.path("country")), text(location.path("city")), number(location.path("lat")),
                number(location.path("long")), endpoint.path("autonomous_system").path("number").canConvertToLong()
                        ? endpoint.path("autonomous_system").path("number").asLong() : null,
                text(endpoint.path("autonomous_system").path("name")), text(ocsf.at("/device/uid")),
                text(ocsf.at("/http_request/user_agent")), text(risk.path("data").path("level")), reasons, details);
    }

    private static JsonNode riskEnrichment(JsonNode ocsf) {
        for (JsonNode enrichment : ocsf.path("enrichments")) {
            if (RISK_ENRICHMENT.equals(enrichment.path("name").asText())) {
                return enrichment;
            }
        }
        return JSON.missingNode();
    }

    private static String text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }

    private static Double number(JsonNode node) {
        return node != null && node.isNumber() ? node.asDouble() : null;
    }
}
