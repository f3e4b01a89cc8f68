package io.zerotrust.keycloak.events.anomaly;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * The built-in scorer {@code default}: {@link AnomalyScorer} in memory, one per Keycloak node (each node sees
 * the events it handled; state is lost on restart and rebuilt from new events).
 */
public class DefaultAnomalyScorerProviderFactory implements AnomalyScorerProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "default";

    /** Users whose sign-in history is kept in memory. */
    public static final String MAX_USERS = "max-users";
    /** Sign-ins a user needs before unusual sign-ins are reported. */
    public static final String MIN_HISTORY = "min-history";
    /** Lowest unusual-sign-in score reported (0-100). */
    public static final String MIN_LOGIN_SCORE = "min-login-score";
    /** Sliding window for failures per source address and network. */
    public static final String WINDOW_MINUTES = "window-minutes";
    /** Distinct failing accounts from one source that make credential stuffing. */
    public static final String STUFFING_MIN_USERS = "stuffing-min-users";
    /** Accounts with one or two failures from one source that make a password spray. */
    public static final String SPRAY_MIN_USERS = "spray-min-users";
    /** Source addresses and networks whose failures are tracked, per realm. */
    public static final String MAX_SOURCES = "max-sources";
    /** Memory the failure windows of one realm's sources may hold, in MiB (at least 1). */
    public static final String MAX_SOURCE_MB = "max-source-mb";
    /** Sessions whose sign-in network is remembered. */
    public static final String MAX_SESSIONS = "max-sessions";

    private ScorerSettings settings = ScorerSettings.DEFAULT;
    private AnomalyScorer scorer;
    private Observations observations;
    private final Object lock = new Object();

    @Override
    public AnomalyScorerProvider create(KeycloakSession session) {
        return this::observe;
    }

    private void observe(SecurityEvent event, Consumer<AnomalyFinding> findings) {
        // one worker calls this; the lock only guards against a second pipeline on the same node
        synchronized (lock) {
            scorer.observe(observations.of(event), findings);
        }
    }

    @Override
    public void init(Config.Scope config) {
        ScorerSettings d = ScorerSettings.DEFAULT;
        // the minimums are those ScorerSettings requires, so a bad value costs only itself, not every other option
        OptionReader options = new OptionReader(AnomalyScorerSpi.NAME + " " + PROVIDER_ID, config);
        settings = new ScorerSettings(
                options.integer(MAX_USERS, d.maxUsers(), 1), d.maxValuesPerFeature(),
                options.integer(MIN_HISTORY, d.minHistory(), 1), options.integer(MIN_LOGIN_SCORE, d.minLoginScore(), 0, 100),
                options.duration(WINDOW_MINUTES, d.window().toMinutes(), ChronoUnit.MINUTES, 1),
                options.integer(MAX_SOURCES, d.maxSources(), 1),
                options.integer(MAX_SOURCE_MB, (int) (d.maxSourceBytes() >> 20),
                        (int) (ScorerSettings.MIN_SOURCE_BYTES >> 20)) * (1L << 20),
                options.integer(STUFFING_MIN_USERS, d.stuffingMinUsers(), 2),
                options.integer(SPRAY_MIN_USERS, d.sprayMinUsers(), 2),
                options.integer(MAX_SESSIONS, d.maxSessions(), 1));
        scorer = new AnomalyScorer(settings);
        observations = new Observations();
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

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("scope", "in memory, per node");
        info.put("settings", settings.toString());
        synchronized (lock) {
            info.put("state", scorer == null ? "not initialised" : scorer.state());
        }
        return info;
    }
}
