package io.zerotrust.keycloak.access;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.zerotrust.keycloak.events.AuditTrail;
import io.zerotrust.keycloak.events.PrivilegedAccessEvents;
import io.zerotrust.keycloak.events.SecurityEvent;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Writes the audit record of a step of privileged access ({@link PrivilegedAccessEvents}): logged, and exported
 * with the events by {@code zt-events} in the same transaction as the change it records.
 */
public final class AccessAudit {

    private static final Logger LOG = Logger.getLogger(AccessAudit.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    public AccessAudit(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The address of the request that made the change; none for the pack's own work (an expiry). */
    private String clientAddress() {
        try {
            var connection = session.getContext().getConnection();
            return connection == null ? null : connection.getRemoteAddr();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A record about {@code user}'s access, done by {@code actor} (null: the pack itself, e.g. at expiry). */
    public void record(String type, UserModel user, UserModel actor, Map<String, String> details) {
        Map<String, String> all = new TreeMap<>();
        details.forEach((key, value) -> {
            if (value != null) {
                all.put(key, value);
            }
        });
        if (actor != null) {
            all.put(PrivilegedAccessEvents.ACTOR_ID, actor.getId());
            all.put(PrivilegedAccessEvents.ACTOR, actor.getUsername());
        }
        String ip = clientAddress();
        SecurityEvent event = SecurityEvent.builder().id(UUID.randomUUID().toString()).time(System.currentTimeMillis())
                .realmId(realm.getId()).realmName(realm.getName()).origin(SecurityEvent.Origin.USER).type(type)
                .userId(user.getId()).username(user.getUsername()).ip(ip).details(all).build();
        LOG.infof("%s realm=%s user=%s %s", type, realm.getName(), user.getUsername(), all);
        AuditTrail.of(session.getKeycloakSessionFactory()).ifPresent(trail -> trail.record(session, event));
    }
}
