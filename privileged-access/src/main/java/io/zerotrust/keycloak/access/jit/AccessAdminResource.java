package io.zerotrust.keycloak.access.jit;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/zt-access}: the realm's open requests and activations, and an admin's early end of
 * one. Listing needs view-users, ending manage-users.
 */
public class AccessAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    AccessAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Path("activations")
    @Produces(MediaType.APPLICATION_JSON)
    public List<RequestView> activations() {
        auth.users().requireView();
        AccessRequests requests = new AccessRequests(session);
        List<RequestView> open = new ArrayList<>();
        for (RequestState state : List.of(RequestState.ACTIVE, RequestState.PENDING)) {
            requests.inState(realm.getId(), state, AccessResource.MAX_LISTED)
                    .forEach(request -> open.add(RequestView.of(session, realm, request)));
        }
        return open;
    }

    @POST
    @Path("activations/{id}/end")
    @Produces(MediaType.APPLICATION_JSON)
    public Response end(@PathParam("id") String id) {
        auth.users().requireManage();
        UserModel admin = auth.adminAuth().getUser();
        try {
            return Response.ok(RequestView.of(session, realm, new Activations(session, realm).end(admin, id, true))).build();
        } catch (AccessRefusal refusal) {
            return Response.status(refusal.status).type(MediaType.APPLICATION_JSON).entity(refusal.body()).build();
        }
    }
}
