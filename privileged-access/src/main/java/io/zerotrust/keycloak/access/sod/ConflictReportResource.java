package io.zerotrust.keycloak.access.sod;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/zt-conflicts}: the users who break a conflict rule now (needs view-users). */
public class ConflictReportResource {

    /** One user's broken rule. */
    public record Violation(String userId, String username, String rule, List<String> roles) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    ConflictReportResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Path("violations")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Violation> violations() {
        auth.users().requireView();
        Map<UserModel, List<Conflict>> found = new Conflicts(realm).violations(session,
                SegregationListenerFactory.MAX_SCANNED_USERS);
        return found.entrySet().stream().flatMap(entry -> entry.getValue().stream().map(conflict ->
                new Violation(entry.getKey().getId(), entry.getKey().getUsername(), conflict.rule().name(),
                        conflict.roles()))).toList();
    }
}
