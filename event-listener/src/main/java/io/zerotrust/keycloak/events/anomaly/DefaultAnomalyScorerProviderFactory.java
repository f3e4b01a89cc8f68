package io.zerotrust.keycloak.events.anomaly;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import io.zerotrust.keycloak.risk.velocity.LoginFailuresSettings;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.timer.TimerProvider;

/**
 * The built-in scorer {@code default}: {@link AnomalyScorer} over Keycloak's database ({@link JpaScorerMemory}), so
 * that every node scores against one memory and a node taking the scorer over forgets nothing. Attacks across
 * accounts use the {@code login-failures} evaluator's thresholds and window. Outside a server (no session: benchmarks)
 * it keeps its memory on the heap.
 */
public class DefaultAnomalyScorerProviderFactory implements AnomalyScorerProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "default";

    /** Users whose sign-in history is kept, per realm. */
    public static final String MAX_USERS = "max-users";
    /** Sign-ins a user needs before unusual sign-ins are reported. */
    public static final String MIN_HISTORY = "min-history";
    /** Lowest unusual-sign-in score reported (0-100). */
    public static final String MIN_LOGIN_SCORE = "min-login-score";
    /** Sessions whose sign-in network is remembered, per realm. */
    public static final String MAX_SESSIONS = "max-sessions";

    private static final Logger LOG = Logger.getLogger(DefaultAnomalyScorerProviderFactory.class);
    private static final long TRIM_INTERVAL_MILLIS = 3_600_000;

    private ScorerSettings settings = ScorerSettings.DEFAULT;
    private final Observations observations = new Observations();
    private HeapScorerMemory heap;

    @Override
    public AnomalyScorerProvider create(KeycloakSession session) {
        AnomalyScorer scorer = new AnomalyScorer(settings, session == null ? heap : new JpaScorerMemory(session));
        return (event, findings) -> observe(scorer, event, findings);
    }

    private void observe(AnomalyScorer scorer, SecurityEvent event, Consumer<AnomalyFinding> findings) {
        AuthObservation observation;
        // the User-Agent cache is shared by the factory's providers
        synchronized (observations) {
            observation = observations.of(event);
        }
        scorer.observe(observation, findings);
    }

    @Override
    public void init(Config.Scope config) {
        ScorerSettings d = ScorerSettings.DEFAULT;
        OptionReader options = new OptionReader(AnomalyScorerSpi.NAME + " " + PROVIDER_ID, config);
        settings = new ScorerSettings(
                options.integer(MAX_USERS, d.maxUsers(), 1), d.maxValuesPerFeature(),
                options.integer(MIN_HISTORY, d.minHistory(), 1), options.integer(MIN_LOGIN_SCORE, d.minLoginScore(), 0, 100),
                options.integer(MAX_SESSIONS, d.maxSessions(), 1));
        heap = new HeapScorerMemory(settings, LoginFailuresSettings.defaults());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // a deleted user or realm takes what the scorer remembers of it along
        factory.register(event -> {
            if (event instanceof UserModel.UserRemovedEvent removed) {
                new JpaScorerMemory(removed.getKeycloakSession()).deleteUser(removed.getUser().getId());
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                new JpaScorerMemory(removed.getKeycloakSession()).deleteRealm(removed.getRealm().getId());
            }
        });
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                .scheduleTask(this::trim, TRIM_INTERVAL_MILLIS, "zt-scorer-trim"));
    }

    /** Hourly, on one node of the cluster at a time. */
    private void trim(KeycloakSession session) {
        ClusterProvider cluster = session.getProvider(ClusterProvider.class);
        var result = cluster.executeIfNotExecuted("zt-scorer-trim", (int) (TRIM_INTERVAL_MILLIS / 2000),
                () -> new JpaScorerMemory(session).trim(settings, System.currentTimeMillis()));
        if (result.isExecuted() && result.getResult() != null && result.getResult() > 0) {
            LOG.debugf("The anomaly scorer forgot %d old rows", result.getResult());
        }
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("scope", "Keycloak's database, shared by the cluster");
        info.put("settings", settings.toString());
        info.put("failures", "judged with the login-failures evaluator's thresholds and window, over the failures zt-risk-learning records");
        return info;
    }
}
