package io.zerotrust.keycloak.events.ocsf;

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

    static OcsfJson map(AnomalyFinding finding) {
        OcsfWriter ocsf = OcsfObjects.base(CATEGORY_UID, "Findings", CLASS_UID, "Detection Finding", CREATE,
                "Create", finding.time(), finding.id());
        OcsfObjects.severity(ocsf, switch (finding.level()) {
            case HIGH -> OcsfObjects.SEVERITY_HIGH;
            case MEDIUM -> OcsfObjects.SEVERITY_MEDIUM;
            case LOW -> OcsfObjects.SEVERITY_LOW;
        });
        ocsf.field("status_id", 1)
                .field("status", "New")
                .field("risk_score", finding.score())
                .field("risk_level_id", switch (finding.level()) {
                    case HIGH -> 3;
                    case MEDIUM -> 2;
                    case LOW -> 1;
                })
                .field("risk_level", switch (finding.level()) {
                    case HIGH -> "High";
                    case MEDIUM -> "Medium";
                    case LOW -> "Low";
                });

        int analyticType = analyticType(finding.kind());
        ocsf.object("finding_info")
                .field("uid", finding.id())
                .field("title", finding.kind().title())
                .field("desc", description(finding))
                .field("created_time", finding.time())
                .array("types").element(finding.kind().name()).end()
                .object("analytic")
                .field("name", "zt-anomaly-scorer/" + finding.kind().name().toLowerCase(java.util.Locale.ROOT))
                .field("type_id", analyticType)
                .field("type", analyticType == 3 ? "Statistical" : analyticType == 2 ? "Behavioral" : "Rule")
                .end()
                .end();

        Long asn = asn(finding.network());
        boolean source = OcsfObjects.hasSourceEndpoint(finding.ip(), null, null, asn);
        if (finding.userId() != null || source || finding.sessionId() != null) {
            ocsf.array("evidences").element();
            OcsfObjects.user(ocsf, finding.userId(), null);
            OcsfObjects.sourceEndpoint(ocsf, finding.ip(), null, null, null, null, asn, null);
            if (finding.sessionId() != null) {
                ocsf.object("session").field("uid", finding.sessionId()).end();
            }
            ocsf.end().end();
        }
        OcsfObjects.user(ocsf, finding.userId(), null);

        ocsf.object("unmapped").object("zt_finding")
                .field("kind", finding.kind().name())
                .field("score", finding.score())
                .field("level", finding.level().name())
                .field("realm_id", finding.realmId())
                .array("reasons");
        for (FindingReason reason : finding.reasons()) {
            ocsf.element().field("code", reason.code()).field("text", reason.text()).end();
        }
        ocsf.end().end().end();
        return OcsfJson.of(ocsf.finish(), finding.id(), finding.realmId(), finding.userId(), finding.ip());
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
