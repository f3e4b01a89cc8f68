package io.zerotrust.keycloak.events.ocsf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zerotrust.keycloak.events.SecurityEvent;

/**
 * Maps the audit record of an analyst's verdict ({@link SecurityEvent#FINDING_VERDICT}) to a Detection Finding
 * (2004), activity 2 Update, of the same {@code finding_info.uid} as the finding it judges: the SIEM can join
 * the verdict to the finding, and the analyst, verdict, note and time are on record.
 */
final class FindingVerdictMapper {

    static final int UPDATE = 2;
    /** OCSF verdict ids. */
    static final int VERDICT_FALSE_POSITIVE = 1;
    static final int VERDICT_TRUE_POSITIVE = 2;
    /** OCSF finding status ids. */
    static final int STATUS_IN_PROGRESS = 2;
    static final int STATUS_SUPPRESSED = 3;

    private FindingVerdictMapper() {
    }

    static boolean handles(SecurityEvent event) {
        return SecurityEvent.FINDING_VERDICT.equals(event.type());
    }

    static ObjectNode map(SecurityEvent event) {
        ObjectNode ocsf = OcsfObjects.base(DetectionFindingMapper.CATEGORY_UID, "Findings",
                DetectionFindingMapper.CLASS_UID, "Detection Finding", UPDATE, "Update", event.time(), event.id());
        OcsfObjects.severity(ocsf, OcsfObjects.SEVERITY_INFORMATIONAL);
        boolean falsePositive = "false_positive".equals(event.details().get(SecurityEvent.VERDICT));
        ocsf.put("status_id", falsePositive ? STATUS_SUPPRESSED : STATUS_IN_PROGRESS);
        ocsf.put("status", falsePositive ? "Suppressed" : "In Progress");
        ocsf.put("verdict_id", falsePositive ? VERDICT_FALSE_POSITIVE : VERDICT_TRUE_POSITIVE);
        ocsf.put("verdict", falsePositive ? "False Positive" : "True Positive");
        OcsfObjects.putIfPresent(ocsf, "comment", event.details().get(SecurityEvent.NOTE));

        ObjectNode info = ocsf.putObject("finding_info");
        OcsfObjects.putIfPresent(info, "uid", event.details().get(SecurityEvent.FINDING_ID));
        info.put("modified_time", event.time());
        OcsfObjects.putIfPresent(info, "title", event.details().get(SecurityEvent.FINDING_KIND));

        ObjectNode actor = ocsf.putObject("actor");
        OcsfObjects.setIfPresent(actor, "user", OcsfObjects.user(event.userId(), event.username()));
        OcsfObjects.setIfPresent(ocsf, "user", OcsfObjects.user(event.details().get(SecurityEvent.FINDING_USER_ID), null));

        ObjectNode verdict = ocsf.putObject("unmapped").putObject("zt_verdict");
        event.details().forEach(verdict::put);
        OcsfObjects.putIfPresent(verdict, "realm_id", event.realmId());
        OcsfObjects.putIfPresent(verdict, "realm", event.realmName());
        OcsfObjects.putIfPresent(verdict, "analyst_id", event.userId());
        return ocsf;
    }
}
