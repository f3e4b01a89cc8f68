package io.zerotrust.keycloak.events.ocsf;

import java.util.Map;
import java.util.Set;

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

    /** Written under {@code zt_verdict} from the event itself: a detail of the same name does not stand in. */
    private static final Set<String> OWN_FIELDS = Set.of("realm_id", "realm", "analyst_id");

    private FindingVerdictMapper() {
    }

    static boolean handles(SecurityEvent event) {
        return SecurityEvent.FINDING_VERDICT.equals(event.type());
    }

    static OcsfJson map(SecurityEvent event) {
        OcsfWriter ocsf = OcsfObjects.base(DetectionFindingMapper.CATEGORY_UID, "Findings",
                DetectionFindingMapper.CLASS_UID, "Detection Finding", UPDATE, "Update", event.time(), event.id());
        OcsfObjects.severity(ocsf, OcsfObjects.SEVERITY_INFORMATIONAL);
        boolean falsePositive = "false_positive".equals(event.details().get(SecurityEvent.VERDICT));
        ocsf.field("status_id", falsePositive ? STATUS_SUPPRESSED : STATUS_IN_PROGRESS)
                .field("status", falsePositive ? "Suppressed" : "In Progress")
                .field("verdict_id", falsePositive ? VERDICT_FALSE_POSITIVE : VERDICT_TRUE_POSITIVE)
                .field("verdict", falsePositive ? "False Positive" : "True Positive")
                .field("comment", event.details().get(SecurityEvent.NOTE));

        ocsf.object("finding_info")
                .field("uid", event.details().get(SecurityEvent.FINDING_ID))
                .field("modified_time", event.time())
                .field("title", event.details().get(SecurityEvent.FINDING_KIND))
                .end();

        ocsf.object("actor");
        OcsfObjects.user(ocsf, event.userId(), event.username());
        ocsf.end();
        String user = event.details().get(SecurityEvent.FINDING_USER_ID);
        OcsfObjects.user(ocsf, user, null);

        ocsf.object("unmapped").object("zt_verdict");
        for (Map.Entry<String, String> detail : event.details().entrySet()) {
            if (!OWN_FIELDS.contains(detail.getKey())) {
                ocsf.field(detail.getKey(), detail.getValue());
            }
        }
        ocsf.field("realm_id", event.realmId())
                .field("realm", event.realmName())
                .field("analyst_id", event.userId())
                .end().end();
        return OcsfJson.of(ocsf.finish(), event.id(), event.realmId(), user, null);
    }
}
