package io.zerotrust.keycloak.events.ocsf;

import java.util.Map;
import java.util.Set;

import io.zerotrust.keycloak.events.SecurityEvent;

/**
 * Maps credential changes by users and all admin events to the OCSF Account Change class (3001). Changes the
 * schema has no activity for (an admin updating a client, say) are activity 99 Other, named after what
 * happened, so that nothing an admin did is silently left out.
 */
final class AccountChangeMapper {

    static final int CLASS_UID = 3001;

    static final int CREATE = 1;
    static final int PASSWORD_CHANGE = 3;
    static final int PASSWORD_RESET = 4;
    static final int DELETE = 6;
    static final int ATTACH_POLICY = 7;
    static final int DETACH_POLICY = 8;
    static final int MFA_FACTOR_ENABLE = 10;
    static final int MFA_FACTOR_DISABLE = 11;
    static final int OTHER = 99;

    /** User event types (without _ERROR) that change a credential. */
    static final Set<String> CREDENTIAL_EVENTS = Set.of("UPDATE_PASSWORD", "RESET_PASSWORD", "SEND_RESET_PASSWORD",
            "UPDATE_TOTP", "REMOVE_TOTP", "UPDATE_CREDENTIAL", "REMOVE_CREDENTIAL");

    private static final Map<String, Integer> FIXED = Map.of(
            "UPDATE_PASSWORD", PASSWORD_CHANGE,
            "RESET_PASSWORD", PASSWORD_RESET,
            "UPDATE_TOTP", MFA_FACTOR_ENABLE,
            "REMOVE_TOTP", MFA_FACTOR_DISABLE);

    private static final Set<String> ROLE_OR_GROUP = Set.of("REALM_ROLE_MAPPING", "CLIENT_ROLE_MAPPING",
            "GROUP_MEMBERSHIP");

    private AccountChangeMapper() {
    }

    static boolean handles(SecurityEvent event) {
        return event.origin() == SecurityEvent.Origin.ADMIN || CREDENTIAL_EVENTS.contains(event.baseType());
    }

    static OcsfJson map(SecurityEvent event) {
        boolean admin = event.origin() == SecurityEvent.Origin.ADMIN;
        Activity activity = admin ? adminActivity(event) : userActivity(event);
        OcsfWriter ocsf = OcsfObjects.base(AuthenticationMapper.CATEGORY_UID, AuthenticationMapper.CATEGORY_NAME,
                CLASS_UID, "Account Change", activity.id(), activity.name(), event.time(), event.id());
        OcsfObjects.severity(ocsf, OcsfObjects.severity(event));
        OcsfObjects.status(ocsf, event.failed(), event.error());
        String user;
        if (admin) {
            user = targetUser(event);
            OcsfObjects.user(ocsf, user, null);
            ocsf.object("actor");
            OcsfObjects.user(ocsf, event.userId(), event.username());
            ocsf.field("app_name", event.clientId()).end();
        } else {
            user = event.userId();
            OcsfObjects.user(ocsf, user, event.username());
            if (event.clientId() != null) {
                ocsf.object("actor").field("app_name", event.clientId()).end();
            }
        }
        OcsfObjects.context(ocsf, event);
        OcsfObjects.unmapped(ocsf, event);
        return OcsfJson.of(ocsf.finish(), event.id(), event.realmId(), user, event.ip());
    }

    record Activity(int id, String name) {
    }

    static Activity userActivity(SecurityEvent event) {
        String type = event.baseType();
        Integer fixed = FIXED.get(type);
        if (fixed != null) {
            return activity(fixed);
        }
        boolean password = "password".equals(event.details().get("credential_type"));
        return switch (type) {
            case "UPDATE_CREDENTIAL" -> activity(password ? PASSWORD_CHANGE : MFA_FACTOR_ENABLE);
            case "REMOVE_CREDENTIAL" -> password ? new Activity(OTHER, "Password Removed") : activity(MFA_FACTOR_DISABLE);
            case "SEND_RESET_PASSWORD" -> new Activity(OTHER, "Password Reset Requested");
            default -> new Activity(OTHER, type);
        };
    }

    static Activity adminActivity(SecurityEvent event) {
        String operation = event.type();
        String resourceType = event.details().getOrDefault(SecurityEvent.RESOURCE_TYPE, "UNKNOWN");
        String path = event.details().getOrDefault(SecurityEvent.RESOURCE_PATH, "");
        if ("USER".equals(resourceType)) {
            if (path.endsWith("/reset-password")) {
                return activity(PASSWORD_RESET);
            }
            if (path.endsWith("/disable-credential-types")) {
                return activity(MFA_FACTOR_DISABLE);
            }
            boolean userItself = path.matches("users/[^/]+");
            if (userItself && "CREATE".equals(operation)) {
                return activity(CREATE);
            }
            if (userItself && "DELETE".equals(operation)) {
                return activity(DELETE);
            }
        }
        if (ROLE_OR_GROUP.contains(resourceType)) {
            if ("CREATE".equals(operation)) {
                return activity(ATTACH_POLICY);
            }
            if ("DELETE".equals(operation)) {
                return activity(DETACH_POLICY);
            }
        }
        return new Activity(OTHER, "Admin " + operation + " " + resourceType);
    }

    /** The user an admin acted on, from a resource path such as {@code users/<id>/role-mappings/realm}. */
    static String targetUser(SecurityEvent event) {
        String path = event.details().get(SecurityEvent.RESOURCE_PATH);
        if (path == null || !path.startsWith("users/")) {
            return null;
        }
        int end = path.indexOf('/', "users/".length());
        return end < 0 ? path.substring("users/".length()) : path.substring("users/".length(), end);
    }

    private static Activity activity(int id) {
        return new Activity(id, switch (id) {
            case CREATE -> "Create";
            case PASSWORD_CHANGE -> "Password Change";
            case PASSWORD_RESET -> "Password Reset";
            case DELETE -> "Delete";
            case ATTACH_POLICY -> "Attach Policy";
            case DETACH_POLICY -> "Detach Policy";
            case MFA_FACTOR_ENABLE -> "MFA Factor Enable";
            case MFA_FACTOR_DISABLE -> "MFA Factor Disable";
            default -> "Other";
        });
    }
}
