package io.zerotrust.keycloak.events.feedback;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Registers {@code /realms/{realm}/zt-findings} ({@link FindingsResource}). */
public class FindingsResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "zt-findings";

    /**
     * The audience a token must name to be accepted: give the SOC's client an Audience mapper (included custom
     * audience {@value}) in a client scope, so that tokens of the realm's other clients are refused.
     */
    public static final String AUDIENCE = "zt-findings";

    private FalsePositiveLearner learner = FalsePositiveLearner.NO_OP;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        FindingsResource resource = new FindingsResource(session, new FeedbackService(new StoredFindings(session)), learner);
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return resource;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        learner = new ProfileFalsePositiveLearner();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
