package io.zerotrust.keycloak.events.feedback;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;
import org.keycloak.models.KeycloakSession;

/**
 * Where the audit record of an analyst's verdict goes: {@code zt-events} implements it and exports the record
 * to the SOC with the events ({@link SecurityEvent#FINDING_VERDICT}, OCSF Detection Finding, activity Update).
 */
public interface VerdictAudit {

    /** Records the verdict in the request's own transaction: exported only if the request commits. */
    void audit(KeycloakSession session, SecurityEvent verdict);

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
