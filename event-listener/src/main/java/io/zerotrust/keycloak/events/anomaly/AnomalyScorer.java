package io.zerotrust.keycloak.events.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The default scorer's pure core: per-user sign-in likelihood ({@link LoginLikelihood}), attacks across accounts
 * per source ({@link CrossAccountDetector}), token theft per session ({@link SessionOriginTracker}) and leaked
 * passwords per user ({@link LeakedCredentialDetector}). Events
 * go in one at a time; findings come out through a callback, so that the common case, nothing unusual,
 * allocates nothing but the caller's observation.
 *
 * <p>What it remembers between events is the {@link ScorerMemory}'s: on a server Keycloak's database, so every
 * node scores against the same memory. One instance serves one batch; not thread-safe.
 */
public final class AnomalyScorer {

    private final ScorerSettings settings;
    private final Findings findings;
    private final LoginLikelihood likelihood;
    private final CrossAccountDetector crossAccount;
    private final SessionOriginTracker sessions;
    private final LeakedCredentialDetector leakedCredentials;
    private final ScorerMemory memory;
    // reused for every sign-in: the scorer is single-threaded
    private final String[] features = new String[LoginLikelihood.FEATURES];

    public AnomalyScorer(ScorerSettings settings, ScorerMemory memory) {
        this(settings, memory, null);
    }

    /** @param ids finding ids, or null for random UUIDs */
    public AnomalyScorer(ScorerSettings settings, ScorerMemory memory, Supplier<String> ids) {
        this.settings = settings;
        this.memory = memory;
        this.findings = ids == null ? Findings.random() : new Findings(ids);
        this.likelihood = new LoginLikelihood(memory);
        this.crossAccount = new CrossAccountDetector(memory);
        this.sessions = new SessionOriginTracker(memory);
        this.leakedCredentials = new LeakedCredentialDetector(memory);
    }

    public void observe(AuthObservation observation, Consumer<AnomalyFinding> out) {
        switch (observation.kind()) {
            case LOGIN -> login(observation, out, true);
            case UNVERIFIED_LOGIN -> login(observation, out, false);
            case LOGIN_FAILURE -> crossAccount.failure(observation, findings, out);
            case VERIFIED_PASSWORD_REFUSED -> {
                crossAccount.failure(observation, findings, out);
                leakedCredentials.refused(observation, findings, out);
            }
            case SESSION_USE -> sessions.use(observation, findings, out);
            case LOGOUT -> sessions.logout(observation);
            case OTHER -> {
            }
        }
    }

    /** Convenience for tests and callers that want a list. */
    public List<AnomalyFinding> observe(AuthObservation observation) {
        List<AnomalyFinding> out = new ArrayList<>(1);
        observe(observation, out::add);
        return out;
    }

    private void login(AuthObservation login, Consumer<AnomalyFinding> out, boolean learn) {
        sessions.login(login);
        if (login.userId() == null) {
            return;
        }
        features[LoginLikelihood.IP] = login.ip();
        features[LoginLikelihood.NETWORK] = login.network();
        features[LoginLikelihood.COUNTRY] = login.country();
        features[LoginLikelihood.AGENT] = login.agentFamily();
        UserHistory history = memory.history(login.realmId(), login.userId());
        LoginLikelihood.Result result = likelihood.score(login.realmId(), history, features, settings.minHistory());
        if (result != null && result.score() >= settings.minLoginScore() && !result.reasons().isEmpty()) {
            out.accept(findings.create(login, FindingKind.UNUSUAL_LOGIN, result.score(), false, result.reasons()));
        }
        if (learn) {
            likelihood.learn(login.realmId(), login.userId(), history, features, login.time());
        }
    }
}
