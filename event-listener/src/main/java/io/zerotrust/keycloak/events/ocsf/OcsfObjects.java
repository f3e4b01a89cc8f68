package io.zerotrust.keycloak.events.ocsf;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.risk.spi.RiskNotes;

/**
 * Builds the OCSF objects every class shares: the base event attributes, metadata, user, source endpoint,
 * device, HTTP request and the risk enrichment. Absent values are left out rather than written as null, as
 * OCSF recommends.
 */
final class OcsfObjects {

    /** The OCSF schema version the events follow. */
    static final String SCHEMA_VERSION = "1.3.0";
    static final String PRODUCT_NAME = "Keycloak";
    static final String VENDOR_NAME = "Keycloak";
    static final String FEATURE_NAME = "Zero Trust pack (zt-events)";

    static final int STATUS_SUCCESS = 1;
    static final int STATUS_FAILURE = 2;

    static final int SEVERITY_INFORMATIONAL = 1;
    static final int SEVERITY_LOW = 2;
    static final int SEVERITY_MEDIUM = 3;
    static final int SEVERITY_HIGH = 4;

    /** Name of the enrichment carrying the sign-in's risk assessment. */
    static final String RISK_ENRICHMENT = "zt.risk";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OcsfObjects() {
    }

    /**
     * The attributes of every OCSF event. {@code type_uid} is {@code class_uid * 100 + activity_id}, as the
     * schema defines it.
     */
    static ObjectNode base(int categoryUid, String categoryName, int classUid, String className, int activityId,
                           String activityName, long time, String uid) {
        ObjectNode event = JSON.objectNode();
        event.put("category_uid", categoryUid);
        event.put("category_name", categoryName);
        event.put("class_uid", classUid);
        event.put("class_name", className);
        event.put("activity_id", activityId);
        event.put("activity_name", activityName);
        event.put("type_uid", classUid * 100L + activityId);
        event.put("type_name", className + ": " + activityName);
        event.put("time", time);
        event.set("metadata", metadata(uid));
        return event;
    }

    private static ObjectNode metadata(String uid) {
        ObjectNode metadata = JSON.objectNode();
        metadata.put("version", SCHEMA_VERSION);
        ObjectNode product = metadata.putObject("product");
        product.put("name", PRODUCT_NAME);
        product.put("vendor_name", VENDOR_NAME);
        product.putObject("feature").put("name", FEATURE_NAME);
        // The receivers' idempotency key: at-least-once delivery may send an event twice
        putIfPresent(metadata, "uid", uid);
        return metadata;
    }

    static void status(ObjectNode event, boolean failed, String detail) {
        event.put("status_id", failed ? STATUS_FAILURE : STATUS_SUCCESS);
        event.put("status", failed ? "Failure" : "Success");
        putIfPresent(event, "status_detail", detail);
    }

    /**
     * Severity from outcome and risk: a failure is at least Low; a sign-in's risk level raises it further, so
     * that a successful HIGH-risk sign-in is not filed as informational.
     */
    static int severity(SecurityEvent event) {
        int severity = event.failed() ? SEVERITY_LOW : SEVERITY_INFORMATIONAL;
        if (event.risk() != null && event.risk().level() != null) {
            severity = Math.max(severity, switch (event.risk().level()) {
                case "HIGH" -> SEVERITY_HIGH;
                case "MEDIUM" -> SEVERITY_MEDIUM;
                default -> SEVERITY_INFORMATIONAL;
            });
        }
        return severity;
    }

    static void severity(ObjectNode event, int severityId) {
        event.put("severity_id", severityId);
        event.put("severity", switch (severityId) {
            case SEVERITY_INFORMATIONAL -> "Informational";
            case SEVERITY_LOW -> "Low";
            case SEVERITY_MEDIUM -> "Medium";
            case SEVERITY_HIGH -> "High";
            default -> "Unknown";
        });
    }

    static ObjectNode user(String uid, String name) {
        if (uid == null && name == null) {
            return null;
        }
        ObjectNode user = JSON.objectNode();
        putIfPresent(user, "uid", uid);
        putIfPresent(user, "name", name);
        return user;
    }

    /** The client's address with what GeoIP knows of it. */
    static ObjectNode sourceEndpoint(String ip, String country, String city, Long asn, String asOrganization) {
        return sourceEndpoint(ip, country, city, null, null, asn, asOrganization);
    }

    /** As above, with GeoIP's coordinates (OCSF {@code location.lat} / {@code long}) where known. */
    static ObjectNode sourceEndpoint(String ip, String country, String city, Double latitude, Double longitude, Long asn,
                                     String asOrganization) {
        if (ip == null && country == null && city == null && asn == null) {
            return null;
        }
        ObjectNode endpoint = JSON.objectNode();
        putIfPresent(endpoint, "ip", ip);
        if (country != null || city != null || latitude != null) {
            ObjectNode location = endpoint.putObject("location");
            putIfPresent(location, "country", country);
            putIfPresent(location, "city", city);
            if (latitude != null && longitude != null) {
                location.put("lat", latitude);
                location.put("long", longitude);
            }
        }
        if (asn != null) {
            ObjectNode as = endpoint.putObject("autonomous_system");
            as.put("number", asn);
            putIfPresent(as, "name", asOrganization);
        }
        return endpoint;
    }

    /** The OCSF attributes drawn from a Keycloak event's enrichment: endpoint, device, request, risk. */
    static void context(ObjectNode target, SecurityEvent event) {
        setIfPresent(target, "src_endpoint",
                sourceEndpoint(event.ip(), event.country(), event.city(), event.latitude(), event.longitude(), event.asn(),
                        event.asOrganization()));
        if (event.deviceIdHash() != null) {
            // A hash: the device cookie id is a bearer secret and must not leave Keycloak
            target.putObject("device").put("uid", event.deviceIdHash()).put("type_id", 0);
        }
        if (event.userAgent() != null) {
            target.putObject("http_request").put("user_agent", event.userAgent());
        }
        if (event.risk() != null) {
            target.putArray("enrichments").add(riskEnrichment(event.risk(), event.details()));
        }
    }

    private static ObjectNode riskEnrichment(SecurityEvent.Risk risk, Map<String, String> details) {
        ObjectNode enrichment = JSON.objectNode();
        enrichment.put("name", RISK_ENRICHMENT);
        enrichment.put("value", risk.level() == null ? "UNKNOWN" : risk.level());
        enrichment.put("type", "risk_assessment");
        enrichment.put("provider", FEATURE_NAME);
        ObjectNode data = enrichment.putObject("data");
        if (risk.score() != null) {
            data.put("score", risk.score());
        }
        putIfPresent(data, "level", risk.level());
        ArrayNode reasons = data.putArray("reasons");
        risk.reasons().forEach(reasons::add);
        String reportOnly = details == null ? null : details.get(RiskNotes.EVENT_REPORT_ONLY);
        if (reportOnly != null) {
            // what steps set to report only would have done: the sign-in went on
            ArrayNode actions = data.putArray("report_only");
            RiskNotes.codes(reportOnly).forEach(actions::add);
        }
        return enrichment;
    }

    /** Keycloak's own view of the event, for analysts who know Keycloak: kept verbatim under {@code unmapped}. */
    static void unmapped(ObjectNode target, SecurityEvent event) {
        ObjectNode keycloak = target.putObject("unmapped").putObject("keycloak");
        keycloak.put("type", event.type());
        putIfPresent(keycloak, "realm_id", event.realmId());
        putIfPresent(keycloak, "realm_name", event.realmName());
        putIfPresent(keycloak, "error", event.error());
        if (!event.details().isEmpty()) {
            ObjectNode details = keycloak.putObject("details");
            for (Map.Entry<String, String> detail : event.details().entrySet()) {
                details.put(detail.getKey(), detail.getValue());
            }
        }
    }

    static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static void setIfPresent(ObjectNode node, String field, ObjectNode value) {
        if (value != null) {
            node.set(field, value);
        }
    }

    static ObjectNode object() {
        return JSON.objectNode();
    }
}
