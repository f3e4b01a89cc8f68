package io.zerotrust.keycloak.events.ocsf;

import io.zerotrust.keycloak.events.PrivilegedAccessEvents;
import io.zerotrust.keycloak.events.SecurityEvent;

/**
 * Maps just-in-time access and segregation-of-duties records: an activation, an expiry and an early end change
 * what the user may do, OCSF User Access Management (3005, Assign / Revoke Privileges, the role in
 * {@code privileges}); requests, approvals, refusals and conflicts are Account Change (3001) activity 99 Other,
 * named after what happened.
 */
final class PrivilegedAccessMapper {

    static final int USER_ACCESS_CLASS_UID = 3005;
    static final int ASSIGN_PRIVILEGES = 1;
    static final int REVOKE_PRIVILEGES = 2;

    private PrivilegedAccessMapper() {
    }

    static boolean handles(SecurityEvent event) {
        return PrivilegedAccessEvents.TYPES.contains(event.type());
    }

    static OcsfJson map(SecurityEvent event) {
        String type = event.type();
        OcsfWriter ocsf = switch (type) {
            case PrivilegedAccessEvents.ACTIVATED -> userAccess(event, ASSIGN_PRIVILEGES, "Assign Privileges");
            case PrivilegedAccessEvents.EXPIRED, PrivilegedAccessEvents.ENDED ->
                    userAccess(event, REVOKE_PRIVILEGES, "Revoke Privileges");
            default -> OcsfObjects.base(AuthenticationMapper.CATEGORY_UID, AuthenticationMapper.CATEGORY_NAME,
                    AccountChangeMapper.CLASS_UID, "Account Change", AccountChangeMapper.OTHER, activityName(type),
                    event.time(), event.id());
        };
        boolean refused = PrivilegedAccessEvents.REFUSED.equals(type);
        boolean conflict = PrivilegedAccessEvents.CONFLICT.equals(type);
        OcsfObjects.severity(ocsf, conflict ? OcsfObjects.SEVERITY_HIGH
                : refused ? OcsfObjects.SEVERITY_LOW : OcsfObjects.SEVERITY_INFORMATIONAL);
        OcsfObjects.status(ocsf, refused, event.details().get(PrivilegedAccessEvents.REASON));
        OcsfObjects.user(ocsf, event.userId(), event.username());
        String actorId = event.details().get(PrivilegedAccessEvents.ACTOR_ID);
        String actorName = event.details().get(PrivilegedAccessEvents.ACTOR);
        if (actorId != null || actorName != null || event.clientId() != null) {
            ocsf.object("actor");
            OcsfObjects.user(ocsf, actorId, actorName);
            ocsf.field("app_name", event.clientId()).end();
        }
        ocsf.field("message", message(event));
        OcsfObjects.context(ocsf, event);
        OcsfObjects.unmapped(ocsf, event);
        return OcsfJson.of(ocsf.finish(), event.id(), event.realmId(), event.userId(), event.ip());
    }

    private static OcsfWriter userAccess(SecurityEvent event, int activityId, String activityName) {
        OcsfWriter ocsf = OcsfObjects.base(AuthenticationMapper.CATEGORY_UID, AuthenticationMapper.CATEGORY_NAME,
                USER_ACCESS_CLASS_UID, "User Access Management", activityId, activityName, event.time(), event.id());
        String role = event.details().get(PrivilegedAccessEvents.ROLE);
        if (role != null) {
            ocsf.array("privileges").element(role).end();
        }
        return ocsf;
    }

    static String activityName(String type) {
        return switch (type) {
            case PrivilegedAccessEvents.REQUESTED -> "Role Activation Requested";
            case PrivilegedAccessEvents.APPROVED -> "Role Activation Approved";
            case PrivilegedAccessEvents.REFUSED -> "Role Activation Refused";
            case PrivilegedAccessEvents.CONFLICT -> "Conflict of Duties";
            default -> type;
        };
    }

    private static String message(SecurityEvent event) {
        String role = event.details().get(PrivilegedAccessEvents.ROLE);
        String who = event.username() == null ? event.userId() : event.username();
        return switch (event.type()) {
            case PrivilegedAccessEvents.REQUESTED -> who + " asked to activate " + role;
            case PrivilegedAccessEvents.APPROVED -> event.details().get(PrivilegedAccessEvents.APPROVER)
                    + " approved " + who + "'s activation of " + role;
            case PrivilegedAccessEvents.REFUSED -> who + "'s activation of " + role + " was refused ("
                    + event.details().get(PrivilegedAccessEvents.REASON) + ")";
            case PrivilegedAccessEvents.ACTIVATED -> role + " active for " + who + " for "
                    + event.details().get(PrivilegedAccessEvents.MINUTES) + " minutes";
            case PrivilegedAccessEvents.EXPIRED -> role + " expired for " + who;
            case PrivilegedAccessEvents.ENDED -> role + " ended early for " + who;
            case PrivilegedAccessEvents.CONFLICT -> who + " holds roles kept apart by rule '"
                    + event.details().get(PrivilegedAccessEvents.RULE) + "': "
                    + event.details().get(PrivilegedAccessEvents.CONFLICTING_ROLES);
            default -> null;
        };
    }
}
