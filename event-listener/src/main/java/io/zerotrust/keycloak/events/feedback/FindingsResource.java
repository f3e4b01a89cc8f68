package io.zerotrust.keycloak.events.feedback;

import io.zerotrust.keycloak.risk.anomaly.StepUpMark;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * {@code /realms/{realm}/zt-findings}: {@code GET /} lists this node's recent findings of the realm,
 * {@code POST /{findingId}/feedback} records an analyst's verdict. Bearer token of a realm user with the realm
 * role {@value FeedbackService#ROLE}.
 */
public class FindingsResource {

    private static final Logger LOG = Logger.getLogger(FindingsResource.class);

    private final KeycloakSession session;
    private final FeedbackService service;
    private final FalsePositiveLearner learner;

    public FindingsResource(KeycloakSession session, FeedbackService service, FalsePositiveLearner learner) {
        this.session = session;
        this.service = service;
        this.learner = learner;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        RealmModel realm = session.getContext().getRealm();
        return response(service.list(analyst(), realm.getId()));
    }

    @POST
    @Path("{findingId}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response feedback(@PathParam("findingId") String findingId, String body) {
        RealmModel realm = session.getContext().getRealm();
        return response(service.feedback(analyst(), realm.getId(), findingId, body, this::falsePositive));
    }

    private void falsePositive(AnomalyFinding finding) {
        RealmModel realm = session.getContext().getRealm();
        if (finding.userId() != null) {
            UserModel user = session.users().getUserById(realm, finding.userId());
            StepUpMark mark = user == null ? null : StepUpMark.parse(user.getFirstAttribute(StepUpMark.ATTRIBUTE));
            if (mark != null && mark.findingId().equals(finding.id())) {
                // the finding was wrong: its step-up should not bother the user
                user.removeAttribute(StepUpMark.ATTRIBUTE);
            }
        }
        try {
            learner.learn(session, finding);
        } catch (RuntimeException e) {
            LOG.errorf(e, "False-positive learner failed for finding %s", finding.id());
        }
    }

    private Analyst analyst() {
        AuthenticationManager.AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        if (auth == null || auth.user() == null) {
            return Analyst.ANONYMOUS;
        }
        RoleModel role = session.getContext().getRealm().getRole(FeedbackService.ROLE);
        return new Analyst(true, role != null && auth.user().hasRole(role), auth.user().getId());
    }

    private static Response response(FeedbackService.Reply reply) {
        Response.ResponseBuilder builder = Response.status(reply.status()).entity(reply.body().toString())
                .type(MediaType.APPLICATION_JSON_TYPE);
        if (reply.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }
}
