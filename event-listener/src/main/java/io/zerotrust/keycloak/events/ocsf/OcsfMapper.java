package io.zerotrust.keycloak.events.ocsf;

import java.util.Optional;

import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;

/**
 * Turns pipeline records into OCSF 1.3 events: sign-ins and tokens into Authentication (3002), credential
 * changes and admin events into Account Change (3001), anomaly findings into Detection Finding (2004), analysts'
 * verdicts on them into Detection Finding updates, role activations into User Access Management (3005).
 * Stateless and thread-safe.
 */
public final class OcsfMapper {

    /**
     * @return the OCSF event as it is sent, or empty for an event type the pipeline does not export
     */
    public Optional<OcsfJson> map(SecurityEvent event) {
        if (PrivilegedAccessMapper.handles(event)) {
            return Optional.of(PrivilegedAccessMapper.map(event));
        }
        if (FindingVerdictMapper.handles(event)) {
            return Optional.of(FindingVerdictMapper.map(event));
        }
        if (AuthenticationMapper.handles(event)) {
            return Optional.of(AuthenticationMapper.map(event));
        }
        if (AccountChangeMapper.handles(event)) {
            return Optional.of(AccountChangeMapper.map(event));
        }
        return Optional.empty();
    }

    /** Whether {@link #map(SecurityEvent)} exports events of this user event type (with or without _ERROR). */
    public static boolean exports(String userEventType) {
        SecurityEvent event = SecurityEvent.builder().type(userEventType).build();
        return AuthenticationMapper.handles(event) || AccountChangeMapper.CREDENTIAL_EVENTS.contains(event.baseType());
    }

    public OcsfJson map(AnomalyFinding finding) {
        return DetectionFindingMapper.map(finding);
    }
}
