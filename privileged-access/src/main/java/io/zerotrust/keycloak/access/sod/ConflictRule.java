package io.zerotrust.keycloak.access.sod;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.ui.extend.UiPageProvider;

/**
 * Roles no user may hold together (segregation of duties); the realm keeps it as a component of the admin
 * console's "Conflict rules" page ({@link ConflictRulesPageFactory}).
 *
 * @param roles  role references: a realm role's name, or {@code <clientId>.<role>}
 * @param revert whether an admin change that breaks the rule is undone at once (else only reported)
 */
public record ConflictRule(String id, String name, List<String> roles, boolean revert) {

    /** The realm's conflict rules. */
    public static Stream<ConflictRule> of(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .filter(component -> ConflictRulesPageFactory.ID.equals(component.getProviderId()))
                .map(ConflictRule::of);
    }

    static ConflictRule of(ComponentModel component) {
        List<String> roles = component.getConfig().getOrDefault(ConflictRulesPageFactory.ROLES, List.of()).stream()
                .flatMap(v -> Stream.of(v.split("##"))).map(String::trim).filter(v -> !v.isEmpty()).distinct().toList();
        String name = component.get(ConflictRulesPageFactory.NAME);
        return new ConflictRule(component.getId(), name == null || name.isBlank() ? String.join(" / ", roles) : name,
                roles, ConflictRulesPageFactory.REVERT.equals(component.get(ConflictRulesPageFactory.ON_ADMIN_CHANGE)));
    }

    /** The rule's roles that exist in the realm. */
    List<RoleModel> resolve(RealmModel realm) {
        return roles.stream().map(reference -> KeycloakModelUtils.getRoleFromString(realm, reference))
                .filter(Objects::nonNull).toList();
    }
}
