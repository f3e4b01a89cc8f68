package io.zerotrust.keycloak.access.sod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Judges a realm's conflict rules. A role counts as held however the user holds it: directly, through a group
 * (also a parent group's) or through a composite, which is what {@link UserModel#hasRole} answers.
 */
public final class Conflicts {

    private final RealmModel realm;
    private final List<ConflictRule> rules;

    public Conflicts(RealmModel realm) {
        this.realm = realm;
        this.rules = ConflictRule.of(realm).toList();
    }

    public boolean none() {
        return rules.isEmpty();
    }

    /** The rules the user breaks now. */
    public List<Conflict> of(UserModel user) {
        List<Conflict> broken = new ArrayList<>();
        for (ConflictRule rule : rules) {
            List<String> held = new ArrayList<>();
            for (String reference : rule.roles()) {
                RoleModel role = resolve(reference);
                if (role != null && user.hasRole(role)) {
                    held.add(reference);
                }
            }
            if (held.size() >= 2) {
                broken.add(new Conflict(rule, held));
            }
        }
        return broken;
    }

    /** The first rule the user would break if they also held {@code extra} (itself or through its composites). */
    public Optional<Conflict> onAdding(UserModel user, RoleModel extra) {
        for (ConflictRule rule : rules) {
            List<String> held = new ArrayList<>();
            boolean added = false;
            for (String reference : rule.roles()) {
                RoleModel role = resolve(reference);
                if (role == null) {
                    continue;
                }
                boolean byExtra = extra.equals(role) || extra.hasRole(role);
                if (byExtra || user.hasRole(role)) {
                    held.add(reference);
                }
                added |= byExtra && !user.hasRole(role);
            }
            if (added && held.size() >= 2) {
                return Optional.of(new Conflict(rule, held));
            }
        }
        return Optional.empty();
    }

    /** Every user of the realm who breaks a rule now, at most {@code maxUsers} users scanned. */
    public Map<UserModel, List<Conflict>> violations(KeycloakSession session, int maxUsers) {
        Map<UserModel, List<Conflict>> found = new java.util.LinkedHashMap<>();
        if (rules.isEmpty()) {
            return found;
        }
        int page = 500;
        for (int first = 0; first < maxUsers; first += page) {
            List<UserModel> users = session.users().searchForUserStream(realm, Map.of(UserModel.SEARCH, "*",
                    UserModel.INCLUDE_SERVICE_ACCOUNT, "true"), first, Math.min(page, maxUsers - first)).toList();
            for (UserModel user : users) {
                List<Conflict> broken = of(user);
                if (!broken.isEmpty()) {
                    found.put(user, broken);
                }
            }
            if (users.size() < page) {
                break;
            }
        }
        return found;
    }

    private RoleModel resolve(String reference) {
        return org.keycloak.models.utils.KeycloakModelUtils.getRoleFromString(realm, reference);
    }
}
