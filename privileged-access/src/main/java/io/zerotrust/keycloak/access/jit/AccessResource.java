package io.zerotrust.keycloak.access.jit;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * {@code /realms/{realm}/zt-access}: a signed-in user's eligible roles, requests and activations, and an
 * approver's decisions. Any token of the realm's users is accepted; what it may do depends on who it names.
 */
public class AccessResource {

    /** Requests listed at most per answer. */
    static final int MAX_LISTED = 200;

    private final KeycloakSession session;
    private final int maxAuthAgeSeconds;

    AccessResource(KeycloakSession session, int maxAuthAgeSeconds) {
        this.session = session;
        this.maxAuthAgeSeconds = maxAuthAgeSeconds;
    }

    /** The body of a request for activation. */
    public record Ask(String eligibilityId, String justification, Integer minutes) {
    }

    /** The body of an approver's decision. */
    public record Decision(String decision, String reason) {
    }

    @GET
    @Path("eligible")
    @Produces(MediaType.APPLICATION_JSON)
    public Response eligible() {
        AuthenticationManager.AuthResult auth = authenticate();
        if (auth == null) {
            return unauthorized();
        }
        RealmModel realm = session.getContext().getRealm();
        List<EligibleView> eligible = Eligibility.of(realm).filter(e -> e.appliesTo(session, realm, auth.user()))
                .map(EligibleView::of).toList();
        return Response.ok(eligible).build();
    }

    @GET
    @Path("requests")
    @Produces(MediaType.APPLICATION_JSON)
    public Response requests() {
        AuthenticationManager.AuthResult auth = authenticate();
        if (auth == null) {
            return unauthorized();
        }
        RealmModel realm = session.getContext().getRealm();
        return Response.ok(new AccessRequests(session).ofUser(realm.getId(), auth.user().getId(), MAX_LISTED).stream()
                .map(request -> RequestView.of(session, realm, request)).toList()).build();
    }

    @POST
    @Path("requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response ask(Ask ask) {
        AuthenticationManager.AuthResult auth = authenticate();
        if (auth == null) {
            return unauthorized();
        }
        if (ask == null || ask.eligibilityId() == null) {
            return refused(new AccessRefusal(400, "invalid_request", "Name the eligible role (eligibilityId)."));
        }
        RealmModel realm = session.getContext().getRealm();
        Activations activations = new Activations(session, realm);
        try {
            Eligibility eligibility = activations.eligibility(auth.user(), ask.eligibilityId());
            AccessRequestEntity request = activations.request(auth.user(), eligibility, ask.justification(),
                    ask.minutes(), () -> ActivationProof.check(realm, auth.client(), auth.token(), auth.session(),
                            eligibility, maxAuthAgeSeconds, System.currentTimeMillis() / 1000));
            return Response.status(201).entity(RequestView.of(session, realm, request)).build();
        } catch (AccessRefusal refusal) {
            return refused(refusal);
        }
    }

    @POST
    @Path("requests/{id}/end")
    @Produces(MediaType.APPLICATION_JSON)
    public Response end(@PathParam("id") String id) {
        AuthenticationManager.AuthResult auth = authenticate();
        if (auth == null) {
            return unauthorized();
        }
        RealmModel realm = session.getContext().getRealm();
        try {
            return Response.ok(RequestView.of(session, realm, new Activations(session, realm).end(auth.user(), id, false)))
                    .build();
        } catch (AccessRefusal refusal) {
            return refused(refusal);
        }
    }

    @GET
    @Path("approvals")
    @Produces(MediaType.APPLICATION_JSON)
    public Response approvals() {
        AuthenticationManager.AuthResult auth = authenticate();
        if (auth == null) {
            return unauthorized();
        }
        RealmModel realm = session.getContext().getRealm();
        UserModel approver = auth.user();
        Map<String, Eligibility> decidable = new java.util.HashMap<>();
        Eligibility.of(realm).forEach(eligibility -> {
            RoleModel role = eligibility.resolveApproverRole(realm);
            if (role != null && approver.hasRole(role)) {
                decidable.put(eligibility.id(), eligibility);
            }
        });
        return Response.ok(new AccessRequests(session).inState(realm.getId(), RequestState.PENDING, MAX_LISTED).stream()
                .filter(request -> decidable.containsKey(request.eligibilityId))
                .filter(request -> !request.userId.equals(approver.getId()))
                .map(request -> RequestView.of(session, realm, request)).toList()).build();
    }

    @POST
    @Path("approvals/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response decide(@PathParam("id") String id, Decision decision) {
        AuthenticationManager.AuthResult auth = authenticate();
        if (auth == null) {
            return unauthorized();
        }
        if (decision == null || !("approve".equals(decision.decision()) || "refuse".equals(decision.decision()))) {
            return refused(new AccessRefusal(400, "invalid_request", "decision must be approve or refuse."));
        }
        RealmModel realm = session.getContext().getRealm();
        try {
            AccessRequestEntity request = new Activations(session, realm).decide(auth.user(), id,
                    "approve".equals(decision.decision()), decision.reason());
            return Response.ok(RequestView.of(session, realm, request)).build();
        } catch (AccessRefusal refusal) {
            return refused(refusal);
        }
    }

    private AuthenticationManager.AuthResult authenticate() {
        AuthenticationManager.AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        return auth == null || auth.user() == null || auth.token() == null ? null : auth;
    }

    private static Response unauthorized() {
        return refused(new AccessRefusal(401, "unauthorized", "Sign in first."));
    }

    /** An answer, not an exception: the transaction still commits, so a refusal's audit record is kept. */
    private static Response refused(AccessRefusal refusal) {
        return Response.status(refusal.status).type(MediaType.APPLICATION_JSON).entity(refusal.body()).build();
    }
}
