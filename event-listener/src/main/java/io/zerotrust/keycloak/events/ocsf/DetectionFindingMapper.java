package io.zerotrust.keycloak.events.ocsf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;
import io.zerotrust.keycloak.events.anomaly.FindingKind;
import io.zerotrust.keycloak.events.anomaly.FindingReason;

/** Maps anomaly findings to the OCSF Detection Finding class (2004), activity 1 Create. */
final class DetectionFindingMapper {

    static final int CLASS_UID = 2004;
    static final int CATEGORY_UID = 2;
    static final int CREATE = 1;

    private DetectionFindingMapper() {
    }

    static ObjectNode map(AnomalyFinding finding) {
        ObjectNode ocsf = OcsfObjects.base(CATEGORY_UID, "Findings", CLASS_UID, "Detection Finding", CREATE,
                "Create", finding.time(), finding.id());
        OcsfObjects.severity(ocsf, switch (finding.level()) {
            case HIGH -> OcsfObjects.SEVERITY_HIGH;
            case MEDIUM -> OcsfObjects.SEVERITY_MEDIUM;
            case LOW -> OcsfObjects.SEVERITY_LOW;
        });
        ocsf.put("status_id", 1);
        ocsf.put("status", "New");
        ocsf.put("risk_score", finding.score());
        ocsf.put("risk_level_id", switch (finding.level()) {
            case HIGH -> 3;
            case MEDIUM -> 2;
            case LOW -> 1;
        });
        ocsf.put("risk_level", switch (finding.level()) {
            case HIGH -> "High";
            case MEDIUM -> "Medium";
            case LOW -> "Low";
        });

        ObjectNode info = ocsf.putObject("finding_info");
        info.put("uid", finding.id());
        info.put("title", finding.kind().title());
        info.put("desc", description(finding));
        info.put("created_time", finding.time());
        info.putArray("types").add(finding.kind().name());
        ObjectNode analytic = info.putObject("analytic");
        analytic.put("name", "zt-anomaly-scorer/" + finding.kind().name().toLowerCase(java.util.Locale.ROOT));
        analytic.put("type_id", analyticType(finding.kind()));
        analytic.put("type", analyticType(finding.kind()) == 3 ? "Statistical" : analyticType(finding.kind()) == 2
                ? "Behavioral" : "Rule");

        ObjectNode evidence = OcsfObjects.object();
        OcsfObjects.setIfPresent(evidence, "user", OcsfObjects.user(finding.userId(), null));
        ObjectNode source = OcsfObjects.sourceEndpoint(finding.ip(), null, null, asn(finding.network()), null);
        OcsfObjects.setIfPresent(evidence, "src_endpoint", source);
        if (finding.sessionId() != null) {
            evidence.putObject("session").put("uid", finding.sessionId());
        }
        if (!evidence.isEmpty()) {
            ocsf.putArray("evidences").add(evidence);
        }
        OcsfObjects.setIfPresent(ocsf, "user", OcsfObjects.user(finding.userId(), null));

        ObjectNode details = ocsf.putObject("unmapped").putObject("zt_finding");
        details.put("kind", finding.kind().name());
        details.put("score", finding.score());
        details.put("level", finding.level().name());
        OcsfObjects.putIfPresent(details, "realm_id", finding.realmId());
        ArrayNode reasons = details.putArray("reasons");
        for (FindingReason reason : finding.reasons()) {
            reasons.addObject().put("code", reason.code()).put("text", reason.text());
        }
        return ocsf;
    }

    private static String description(AnomalyFinding finding) {
        StringBuilder text = new StringBuilder();
        for (FindingReason reason : finding.reasons()) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(reason.text());
        }
        return text.toString();
    }

    /** OCSF analytic types: 1 Rule, 2 Behavioral, 3 Statistical. */
    private static int analyticType(FindingKind kind) {
        return switch (kind) {
            case UNUSUAL_LOGIN -> 3;
            case TOKEN_THEFT -> 2;
            case CREDENTIAL_STUFFING, PASSWORD_SPRAY, LEAKED_CREDENTIAL -> 1;
        };
    }

    private static Long asn(String network) {
        if (network == null || !network.startsWith("AS")) {
            return null;
        }
        try {
            return Long.parseLong(network.substring(2));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
