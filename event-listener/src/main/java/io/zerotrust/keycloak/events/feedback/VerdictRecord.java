package io.zerotrust.keycloak.events.feedback;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;

/** The audit record of an analyst's verdict ({@link SecurityEvent#FINDING_VERDICT}, OCSF Detection Finding, activity Update). */
final class VerdictRecord {

    private VerdictRecord() {
    }

    /** The audit record of a judged finding. */
    static SecurityEvent event(FindingStore.Entry judged, String realmName, String analystName) {
        AnomalyFinding finding = judged.finding();
        Map<String, String> details = new TreeMap<>();
        details.put(SecurityEvent.FINDING_ID, finding.id());
        details.put(SecurityEvent.FINDING_KIND, finding.kind().name());
        details.put(SecurityEvent.VERDICT, judged.verdict().json());
        if (finding.userId() != null) {
            details.put(SecurityEvent.FINDING_USER_ID, finding.userId());
        }
        if (judged.note() != null) {
            details.put(SecurityEvent.NOTE, judged.note());
        }
        return SecurityEvent.builder().id(UUID.randomUUID().toString()).time(judged.judgedAt())
                .realmId(finding.realmId()).realmName(realmName).type(SecurityEvent.FINDING_VERDICT)
                .userId(judged.analyst()).username(analystName).details(details).build();
    }
}
