package io.zerotrust.keycloak.events.feedback;

import io.zerotrust.keycloak.risk.anomaly.StepUpMark;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.zerotrust.keycloak.events.AuditTrail;
import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * {@code /realms/{realm}/zt-findings}: {@code GET /} lists the realm's recent findings (from the database: the same
 * on every node),
 * {@code POST /{findingId}/feedback} records an analyst's verdict. Bearer access token whose audience contains
 * {@value FindingsResourceProviderFactory#AUDIENCE} (a token issued to some other client of the realm is
 * refused) and whose {@code realm_access.roles} contain {@value FeedbackService#ROLE}, of a user who still has
 * that role. Every verdict is logged and exported by {@code zt-events} ({@link AuditTrail}).
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
        Analyst analyst = analyst();
        return response(service.feedback(analyst, realm.getId(), findingId, body, new FeedbackService.Effects() {
            @Override
            public Map<String, Object> falsePositive(AnomalyFinding finding) {
                return undo(finding);
            }

            @Override
            public void audit(FindingStore.Entry judged) {
                record(realm, judged);
            }
        }));
    }

    private Map<String, Object> undo(AnomalyFinding finding) {
        RealmModel realm = session.getContext().getRealm();
        Map<String, Object> effects = new LinkedHashMap<>();
        boolean lifted = false;
        if (finding.userId() != null) {
            UserModel user = session.users().getUserById(realm, finding.userId());
            StepUpMark mark = user == null ? null : StepUpMark.parse(user.getFirstAttribute(StepUpMark.ATTRIBUTE));
            if (mark != null && mark.findingId().equals(finding.id())) {
                // the finding was wrong: its step-up should not bother the user
                user.removeAttribute(StepUpMark.ATTRIBUTE);
                lifted = true;
            }
        }
        effects.put("stepUpMarkLifted", lifted);
        try {
            effects.put("taught", learner.learn(session, finding));
        } catch (RuntimeException e) {
            LOG.errorf(e, "False-positive learner failed for finding %s", finding.id());
            effects.put("taught", Map.of());
        }
        return effects;
    }

    private void record(RealmModel realm, FindingStore.Entry judged) {
        LOG.infof("Analyst %s judged finding %s (%s, realm %s) %s at %d: %s", judged.analyst(), judged.finding().id(),
                judged.finding().kind(), realm.getName(), judged.verdict().json(), judged.judgedAt(),
                judged.note() == null ? "" : judged.note());
        UserModel analyst = judged.analyst() == null ? null : session.users().getUserById(realm, judged.analyst());
        AuditTrail.of(session.getKeycloakSessionFactory()).ifPresent(trail -> trail.record(session,
                VerdictRecord.event(judged, realm.getName(), analyst == null ? null : analyst.getUsername())));
    }

    private Analyst analyst() {
        AuthenticationManager.AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session)
                .setAudience(FindingsResourceProviderFactory.AUDIENCE).authenticate();
        if (auth == null || auth.user() == null || auth.token() == null) {
            return Analyst.ANONYMOUS;
        }
        AccessToken.Access realmAccess = auth.token().getRealmAccess();
        boolean inToken = realmAccess != null && realmAccess.isUserInRole(FeedbackService.ROLE);
        RoleModel role = session.getContext().getRealm().getRole(FeedbackService.ROLE);
        // both: the token must have been issued with the role, and a role taken away since takes effect at once
        boolean stillHeld = role != null && auth.user().hasRole(role);
        return new Analyst(true, inToken && stillHeld, auth.user().getId());
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
