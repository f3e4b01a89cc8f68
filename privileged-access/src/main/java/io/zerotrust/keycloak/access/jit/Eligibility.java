package io.zerotrust.keycloak.access.jit;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.ui.extend.UiPageProvider;

/**
 * A role some users or a group may activate for a while, with the conditions of activation; the realm keeps it as
 * a component of the admin console's "Eligible roles" page ({@link EligibleRolesPageFactory}).
 *
 * @param name          what the role allows, in the admin's words (its description, else the component's name)
 * @param role          the role as Keycloak references it: a realm role's name, or {@code <clientId>.<role>}
 * @param usernames     users who are eligible
 * @param groupPath     a group whose members (also of its subgroups) are eligible, or null
 * @param approverRole  the role whose holders approve, or null when no approval is needed
 * @param acr           the level of authentication activation needs (an ACR name of the realm's mapping, or a number)
 */
public record Eligibility(String id, String name, String role, Set<String> usernames, String groupPath, int maxMinutes,
                          boolean justificationRequired, String approverRole, String acr) {

    public boolean approvalRequired() {
        return approverRole != null;
    }

    /** The realm's eligible roles. */
    public static Stream<Eligibility> of(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .filter(component -> EligibleRolesPageFactory.ID.equals(component.getProviderId()))
                .map(Eligibility::of);
    }

    static Eligibility of(ComponentModel component) {
        String approval = component.get(EligibleRolesPageFactory.APPROVER_ROLE);
        boolean approvalRequired = Boolean.parseBoolean(component.get(EligibleRolesPageFactory.APPROVAL_REQUIRED));
        List<String> users = component.getConfig().getOrDefault(EligibleRolesPageFactory.USERS, List.of());
        // the admin console names no component it makes: the description field says what the role allows
        String description = blankToNull(component.get(EligibleRolesPageFactory.DESCRIPTION));
        return new Eligibility(component.getId(), description == null ? component.getName() : description,
                component.get(EligibleRolesPageFactory.ROLE),
                users.stream().flatMap(v -> Stream.of(v.split("##"))).map(String::trim).filter(v -> !v.isEmpty())
                        .map(v -> v.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toUnmodifiableSet()),
                blankToNull(component.get(EligibleRolesPageFactory.GROUP)),
                EligibleRolesPageFactory.maxMinutes(component.get(EligibleRolesPageFactory.MAX_MINUTES)),
                Boolean.parseBoolean(component.get(EligibleRolesPageFactory.JUSTIFICATION_REQUIRED)),
                approvalRequired ? blankToNull(approval) : null,
                blankToNull(component.get(EligibleRolesPageFactory.ACR)));
    }

    /** Whether the user is eligible: named, or a member of the group or one of its subgroups. */
    public boolean appliesTo(KeycloakSession session, RealmModel realm, UserModel user) {
        if (usernames.contains(user.getUsername())) {
            return true;
        }
        GroupModel group = groupPath == null ? null : KeycloakModelUtils.findGroupByPath(session, realm, groupPath);
        return group != null && user.isMemberOf(group);
    }

    public RoleModel resolveRole(RealmModel realm) {
        return role == null ? null : KeycloakModelUtils.getRoleFromString(realm, role);
    }

    public RoleModel resolveApproverRole(RealmModel realm) {
        return approverRole == null ? null : KeycloakModelUtils.getRoleFromString(realm, approverRole);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
