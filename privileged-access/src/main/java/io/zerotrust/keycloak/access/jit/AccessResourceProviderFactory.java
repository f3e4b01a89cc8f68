package io.zerotrust.keycloak.access.jit;

import java.util.List;

import io.zerotrust.keycloak.risk.spi.OptionReader;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.keycloak.timer.TimerProvider;

/**
 * Registers {@code /realms/{realm}/zt-access} ({@link AccessResource}) and ends activations at their time: a task
 * on every node that one node at a time runs ({@link ClusterProvider#executeIfNotExecuted}), each expiry under the
 * request's row lock, so that an activation expires once however many nodes run. Options:
 * {@code --spi-realm-restapi-extension--zt-access--<key>}.
 */
public class AccessResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "zt-access";
    /** How old (seconds) the sign-in of a request for activation may be. */
    public static final String MAX_AUTH_AGE_SECONDS = "max-auth-age-seconds";
    /** How often (seconds) activations past their end are looked for. */
    public static final String EXPIRY_INTERVAL_SECONDS = "expiry-interval-seconds";
    /** How long (days) requests stay listed after they were decided or ended. */
    public static final String RETENTION_DAYS = "retention-days";
    static final int DEFAULT_MAX_AUTH_AGE_SECONDS = 300;
    static final int DEFAULT_RETENTION_DAYS = 365;
    static final int DEFAULT_EXPIRY_INTERVAL_SECONDS = 15;
    /** Activations expired per run at most; the rest in the next. */
    static final int EXPIRIES_PER_RUN = 500;
    static final String EXPIRY_TASK = "zt-access-expiry";

    private static final Logger LOG = Logger.getLogger(AccessResourceProviderFactory.class);

    private int maxAuthAgeSeconds = DEFAULT_MAX_AUTH_AGE_SECONDS;
    private int expiryIntervalSeconds = DEFAULT_EXPIRY_INTERVAL_SECONDS;
    private int retentionDays = DEFAULT_RETENTION_DAYS;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        AccessResource resource = new AccessResource(session, maxAuthAgeSeconds);
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
        OptionReader options = new OptionReader("realm-restapi-extension " + PROVIDER_ID, config);
        maxAuthAgeSeconds = options.integer(MAX_AUTH_AGE_SECONDS, DEFAULT_MAX_AUTH_AGE_SECONDS, 10, 86_400);
        expiryIntervalSeconds = options.integer(EXPIRY_INTERVAL_SECONDS, DEFAULT_EXPIRY_INTERVAL_SECONDS, 1, 3600);
        retentionDays = options.integer(RETENTION_DAYS, DEFAULT_RETENTION_DAYS, 1, 36_500);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof UserModel.UserRemovedEvent removed) {
                new AccessRequests(removed.getKeycloakSession()).deleteUser(removed.getRealm().getId(),
                        removed.getUser().getId());
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                new AccessRequests(removed.getKeycloakSession()).deleteRealm(removed.getRealm().getId());
            }
        });
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                .scheduleTask(s -> expireDue(s.getKeycloakSessionFactory(), s), expiryIntervalSeconds * 1000L, EXPIRY_TASK));
    }

    private void expireDue(KeycloakSessionFactory factory, KeycloakSession session) {
        ClusterProvider cluster = session.getProvider(ClusterProvider.class);
        var result = cluster.executeIfNotExecuted(EXPIRY_TASK, 60, () -> {
            long now = System.currentTimeMillis();
            List<Object[]> due = new AccessRequests(session).due(now, EXPIRIES_PER_RUN);
            int expired = 0;
            for (Object[] row : due) {
                String realmId = (String) row[0];
                String id = (String) row[1];
                try {
                    boolean[] done = new boolean[1];
                    // each in its own transaction: one that fails does not keep the others active
                    KeycloakModelUtils.runJobInTransaction(factory, s -> {
                        RealmModel realm = s.realms().getRealm(realmId);
                        if (realm != null) {
                            s.getContext().setRealm(realm);
                            done[0] = new Activations(s, realm).expire(id, now);
                        }
                    });
                    expired += done[0] ? 1 : 0;
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Activation %s could not be expired; trying again in the next run", id);
                }
            }
            new AccessRequests(session).forgetClosed(now - retentionDays * 86_400_000L);
            return expired;
        });
        if (result.isExecuted() && result.getResult() != null && result.getResult() > 0) {
            LOG.debugf("%d activations expired", result.getResult());
        }
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
