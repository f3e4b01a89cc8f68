package io.zerotrust.keycloak.events.ocsf;

import java.util.Map;

import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.risk.spi.RiskNotes;

/**
 * Writes the OCSF objects every class shares: the base event attributes, metadata, user, source endpoint,
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

    private OcsfObjects() {
    }

    /**
     * Opens an event with the attributes of every OCSF event. {@code type_uid} is
     * {@code class_uid * 100 + activity_id}, as the schema defines it.
     */
    static OcsfWriter base(int categoryUid, String categoryName, int classUid, String className, int activityId,
                           String activityName, long time, String uid) {
        OcsfWriter event = new OcsfWriter()
                .field("category_uid", categoryUid)
                .field("category_name", categoryName)
                .field("class_uid", classUid)
                .field("class_name", className)
                .field("activity_id", activityId)
                .field("activity_name", activityName)
                .field("type_uid", classUid * 100L + activityId)
                .field("type_name", className + ": " + activityName)
                .field("time", time);
        event.object("metadata")
                .field("version", SCHEMA_VERSION)
                .object("product")
                .field("name", PRODUCT_NAME)
                .field("vendor_name", VENDOR_NAME)
                .object("feature").field("name", FEATURE_NAME).end()
                .end()
                // The receivers' idempotency key: at-least-once delivery may send an event twice
                .field("uid", uid)
                .end();
        return event;
    }

    static void status(OcsfWriter event, boolean failed, String detail) {
        event.field("status_id", failed ? STATUS_FAILURE : STATUS_SUCCESS)
                .field("status", failed ? "Failure" : "Success")
                .field("status_detail", detail);
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

    static void severity(OcsfWriter event, int severityId) {
        event.field("severity_id", severityId).field("severity", switch (severityId) {
            case SEVERITY_INFORMATIONAL -> "Informational";
            case SEVERITY_LOW -> "Low";
            case SEVERITY_MEDIUM -> "Medium";
            case SEVERITY_HIGH -> "High";
            default -> "Unknown";
        });
    }

    /** A {@code user} object, unless both are unknown. */
    static void user(OcsfWriter target, String uid, String name) {
        if (uid != null || name != null) {
            target.object("user").field("uid", uid).field("name", name).end();
        }
    }

    /** Whether {@link #sourceEndpoint} writes anything. */
    static boolean hasSourceEndpoint(String ip, String country, String city, Long asn) {
        return ip != null || country != null || city != null || asn != null;
    }

    /**
     * A {@code src_endpoint}: the client's address with what GeoIP knows of it, its coordinates (OCSF
     * {@code location.lat} / {@code long}) where known; nothing when all is unknown.
     */
    static void sourceEndpoint(OcsfWriter target, String ip, String country, String city, Double latitude,
                               Double longitude, Long asn, String asOrganization) {
        if (!hasSourceEndpoint(ip, country, city, asn)) {
            return;
        }
        target.object("src_endpoint").field("ip", ip);
        if (country != null || city != null || latitude != null) {
            target.object("location").field("country", country).field("city", city);
            if (latitude != null && longitude != null) {
                target.field("lat", latitude).field("long", longitude);
            }
            target.end();
        }
        if (asn != null) {
            target.object("autonomous_system").field("number", asn).field("name", asOrganization).end();
        }
        target.end();
    }

    /** The OCSF attributes drawn from a Keycloak event's enrichment: endpoint, device, request, risk. */
    static void context(OcsfWriter target, SecurityEvent event) {
        sourceEndpoint(target, event.ip(), event.country(), event.city(), event.latitude(), event.longitude(),
                event.asn(), event.asOrganization());
        if (event.deviceIdHash() != null) {
            // A hash: the device cookie id is a bearer secret and must not leave Keycloak
            target.object("device").field("uid", event.deviceIdHash()).field("type_id", 0).end();
        }
        if (event.userAgent() != null) {
            target.object("http_request").field("user_agent", event.userAgent()).end();
        }
        if (event.risk() != null) {
            target.array("enrichments");
            riskEnrichment(target, event.risk(), event.details());
            target.end();
        }
    }

    private static void riskEnrichment(OcsfWriter target, SecurityEvent.Risk risk, Map<String, String> details) {
        target.element()
                .field("name", RISK_ENRICHMENT)
                .field("value", risk.level() == null ? "UNKNOWN" : risk.level())
                .field("type", "risk_assessment")
                .field("provider", FEATURE_NAME)
                .object("data");
        if (risk.score() != null) {
            target.field("score", risk.score());
        }
        target.field("level", risk.level()).array("reasons");
        risk.reasons().forEach(target::element);
        target.end();
        String reportOnly = details == null ? null : details.get(RiskNotes.EVENT_REPORT_ONLY);
        if (reportOnly != null) {
            // what steps set to report only would have done: the sign-in went on
            target.array("report_only");
            RiskNotes.codes(reportOnly).forEach(target::element);
            target.end();
        }
        target.end().end();
    }

    /** Keycloak's own view of the event, for analysts who know Keycloak: kept verbatim under {@code unmapped}. */
    static void unmapped(OcsfWriter target, SecurityEvent event) {
        target.object("unmapped").object("keycloak")
                .field("type", event.type())
                .field("realm_id", event.realmId())
                .field("realm_name", event.realmName())
                .field("error", event.error());
        if (!event.details().isEmpty()) {
            target.object("details");
            for (Map.Entry<String, String> detail : event.details().entrySet()) {
                target.field(detail.getKey(), detail.getValue());
            }
            target.end();
        }
        target.end().end();
    }
}
