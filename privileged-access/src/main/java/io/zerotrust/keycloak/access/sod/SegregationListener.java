package io.zerotrust.keycloak.access.sod;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zerotrust.keycloak.access.AccessAudit;
import io.zerotrust.keycloak.events.PrivilegedAccessEvents;
import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Judges an admin's change against the conflict rules in the change's own transaction: each user it leaves holding
 * roles a rule keeps apart is reported ({@link PrivilegedAccessEvents#CONFLICT}), and where the rule says so the
 * change is undone before the transaction commits.
 */
final class SegregationListener implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(SegregationListener.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<ResourceType> WATCHED = Set.of(ResourceType.REALM_ROLE_MAPPING,
            ResourceType.CLIENT_ROLE_MAPPING, ResourceType.GROUP_MEMBERSHIP, ResourceType.REALM_ROLE,
            ResourceType.CLIENT_ROLE);
    private static final Pattern USER_ROLES = Pattern.compile("users/([^/]+)/role-mappings/.*");
    private static final Pattern USER_GROUP = Pattern.compile("users/([^/]+)/groups/([^/]+)");
    private static final Pattern GROUP_ROLES = Pattern.compile("groups/([^/]+)/role-mappings/.*");

    private final KeycloakSession session;

    SegregationListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getOperationType() != OperationType.CREATE || !WATCHED.contains(event.getResourceType())
                || event.getResourcePath() == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null) {
            return;
        }
        Conflicts conflicts = new Conflicts(realm);
        if (conflicts.none()) {
            return;
        }
        String path = event.getResourcePath();
        Matcher userRoles = USER_ROLES.matcher(path);
        Matcher userGroup = USER_GROUP.matcher(path);
        Matcher groupRoles = GROUP_ROLES.matcher(path);
        if (userRoles.matches()) {
            UserModel user = session.users().getUserById(realm, userRoles.group(1));
            if (user != null) {
                judge(realm, event, conflicts, List.of(user), rule -> revertRoles(realm, user::deleteRoleMapping,
                        event.getRepresentation(), rule));
            }
        } else if (userGroup.matches()) {
            UserModel user = session.users().getUserById(realm, userGroup.group(1));
            GroupModel group = session.groups().getGroupById(realm, userGroup.group(2));
            if (user != null && group != null) {
                judge(realm, event, conflicts, List.of(user), rule -> {
                    user.leaveGroup(group);
                    return true;
                });
            }
        } else if (groupRoles.matches()) {
            GroupModel group = session.groups().getGroupById(realm, groupRoles.group(1));
            if (group != null) {
                judge(realm, event, conflicts, members(realm, group), rule -> revertRoles(realm, group::deleteRoleMapping,
                        event.getRepresentation(), rule));
            }
        } else if (path.endsWith("/composites")) {
            // a composite reaches whoever holds the role: judge every holder, report only (no single change to undo
            // for each of them without undoing it for all)
            judge(realm, event, conflicts, new ArrayList<>(conflicts.violations(session,
                    SegregationListenerFactory.MAX_SCANNED_USERS).keySet()), rule -> false);
        }
    }

    private interface Revert {
        boolean undo(ConflictRule rule);
    }

    private void judge(RealmModel realm, AdminEvent event, Conflicts conflicts, List<UserModel> users, Revert revert) {
        AccessAudit audit = new AccessAudit(session, realm);
        for (UserModel user : users) {
            for (Conflict conflict : conflicts.of(user)) {
                boolean reverted = conflict.rule().revert() && revert.undo(conflict.rule());
                Map<String, String> details = new HashMap<>();
                details.put(PrivilegedAccessEvents.RULE, conflict.rule().name());
                details.put(PrivilegedAccessEvents.CONFLICTING_ROLES, String.join(",", conflict.roles()));
                details.put(PrivilegedAccessEvents.REVERTED, String.valueOf(reverted));
                details.put(PrivilegedAccessEvents.NOTE, "admin change " + event.getResourcePath());
                if (event.getAuthDetails() != null) {
                    details.put(PrivilegedAccessEvents.ACTOR_ID, event.getAuthDetails().getUserId());
                    UserModel admin = adminUser(event);
                    details.put(PrivilegedAccessEvents.ACTOR, admin == null ? null : admin.getUsername());
                }
                LOG.warnf("Conflict of duties in realm %s: %s holds %s (rule '%s'); %s", realm.getName(),
                        user.getUsername(), conflict.roles(), conflict.rule().name(),
                        reverted ? "the admin change was reverted" : "reported only");
                audit.record(PrivilegedAccessEvents.CONFLICT, user, null, details);
            }
        }
    }

    private UserModel adminUser(AdminEvent event) {
        RealmModel authRealm = session.realms().getRealm(event.getAuthDetails().getRealmId());
        return authRealm == null || event.getAuthDetails().getUserId() == null ? null
                : session.users().getUserById(authRealm, event.getAuthDetails().getUserId());
    }

    /** Undoes the roles of the change (its representation lists them) that take part in the rule. */
    private static boolean revertRoles(RealmModel realm, java.util.function.Consumer<RoleModel> delete,
                                       String representation, ConflictRule rule) {
        if (representation == null) {
            return false;
        }
        List<RoleModel> ruleRoles = rule.resolve(realm);
        boolean undone = false;
        try {
            for (JsonNode item : JSON.readTree(representation)) {
                RoleModel role = item.hasNonNull("id") ? realm.getRoleById(item.get("id").asText()) : null;
                if (role != null && ruleRoles.stream().anyMatch(r -> r.equals(role) || role.hasRole(r))) {
                    delete.accept(role);
                    undone = true;
                }
            }
        } catch (java.io.IOException e) {
            LOG.warnf("Admin change's roles unreadable, not reverted: %s", e.getMessage());
        }
        return undone;
    }

    private List<UserModel> members(RealmModel realm, GroupModel group) {
        List<UserModel> members = new ArrayList<>(session.users().getGroupMembersStream(realm, group, 0,
                SegregationListenerFactory.MAX_SCANNED_USERS).toList());
        group.getSubGroupsStream().forEach(sub -> members.addAll(members(realm, sub)));
        return members;
    }

    @Override
    public void close() {
    }
}
