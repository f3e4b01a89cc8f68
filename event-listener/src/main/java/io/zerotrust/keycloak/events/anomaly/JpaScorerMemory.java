package io.zerotrust.keycloak.events.anomaly;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;
import io.zerotrust.keycloak.risk.storage.Retention;
import io.zerotrust.keycloak.risk.velocity.FailureRecord;
import io.zerotrust.keycloak.risk.velocity.LoginFailureStore;
import io.zerotrust.keycloak.risk.velocity.LoginFailuresEvaluator;
import io.zerotrust.keycloak.risk.velocity.LoginFailuresEvaluatorFactory;
import io.zerotrust.keycloak.risk.velocity.LoginFailuresSettings;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The scorer's memory in Keycloak's database, in the session's transaction: histories ({@code ZT_SCORER_USER}),
 * population counts ({@code ZT_SCORER_VALUE}, {@code ZT_SCORER_TOTAL}), session origins ({@code ZT_SESSION_ORIGIN}),
 * last reports ({@code ZT_SCORER_REPORT}); the failures are {@code zt-risk-learning}'s {@code ZT_LOGIN_FAILURE}.
 * Only the node holding the scorer's lease writes, so there is one writer. Bounded by {@link #trim} (hourly).
 */
public final class JpaScorerMemory implements ScorerMemory {

    private static final Logger LOG = Logger.getLogger(JpaScorerMemory.class);

    /** How long a user's history or a population value is kept without a sign-in. */
    public static final Duration HISTORY_MAX_AGE = Duration.ofDays(365);
    /** How long a session's origin is kept: longer than Keycloak lets an offline session sit idle by default. */
    public static final Duration SESSION_MAX_AGE = Duration.ofDays(31);
    /** How long a report is remembered: far beyond any failure window it is compared with. */
    public static final Duration REPORT_MAX_AGE = Duration.ofDays(1);

    private final KeycloakSession session;
    private final EntityManager em;
    // for this batch only: the failures read per source, the settings per realm
    private final Map<String, List<FailureRecord>> failures = new HashMap<>();
    private final Map<String, LoginFailuresSettings> settings = new HashMap<>();

    public JpaScorerMemory(KeycloakSession session) {
        this.session = session;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    @Override
    public UserHistory history(String realmId, String userId) {
        ScorerUserEntity row = em.find(ScorerUserEntity.class, userId);
        if (row == null) {
            return new UserHistory();
        }
        try {
            return UserHistory.fromJson(row.history);
        } catch (IOException e) {
            LOG.warnf("The scorer's history of user %s is unreadable (%s); it starts again", userId, e.getMessage());
            return new UserHistory();
        }
    }

    @Override
    public void saveHistory(String realmId, String userId, UserHistory history, long time) {
        ScorerUserEntity row = em.find(ScorerUserEntity.class, userId);
        boolean fresh = row == null;
        if (fresh) {
            row = new ScorerUserEntity();
            row.id = userId;
            row.realmId = realmId;
        }
        row.history = history.toJson();
        row.seenAt = time;
        if (fresh) {
            em.persist(row);
        }
    }

    @Override
    public long valueCount(String realmId, int feature, String value) {
        ScorerValueEntity row = em.find(ScorerValueEntity.class, valueId(realmId, feature, value));
        return row == null ? 0 : row.times;
    }

    @Override
    public FeatureTotals totals(String realmId, int feature) {
        ScorerTotalEntity row = em.find(ScorerTotalEntity.class, realmId + "/" + feature);
        return row == null ? new FeatureTotals(0, 0) : new FeatureTotals(row.signIns, row.distinctValues);
    }

    @Override
    public void countValue(String realmId, int feature, String value, long time) {
        ScorerTotalEntity total = em.find(ScorerTotalEntity.class, realmId + "/" + feature);
        if (total == null) {
            total = new ScorerTotalEntity();
            total.id = realmId + "/" + feature;
            total.realmId = realmId;
            em.persist(total);
        }
        total.signIns++;
        total.seenAt = time;
        ScorerValueEntity row = em.find(ScorerValueEntity.class, valueId(realmId, feature, value));
        if (row == null) {
            row = new ScorerValueEntity();
            row.id = valueId(realmId, feature, value);
            row.realmId = realmId;
            row.feature = feature;
            em.persist(row);
            total.distinctValues++;
        }
        row.times++;
        row.seenAt = time;
    }

    private static String valueId(String realmId, int feature, String value) {
        return realmId + "/" + feature + "/" + value;
    }

    @Override
    public SessionOrigin origin(String sessionId) {
        SessionOriginEntity row = em.find(SessionOriginEntity.class, sessionId);
        return row == null ? null : new SessionOrigin(row.network, row.country, row.flaggedNetwork, row.flaggedCountry);
    }

    @Override
    public void saveOrigin(String realmId, String sessionId, SessionOrigin origin, long time) {
        SessionOriginEntity row = em.find(SessionOriginEntity.class, sessionId);
        if (row == null) {
            row = new SessionOriginEntity();
            row.id = sessionId;
            row.realmId = realmId;
            em.persist(row);
        }
        row.network = cut(origin.network, 32);
        row.country = cut(origin.country, 8);
        row.flaggedNetwork = cut(origin.flaggedNetwork, 32);
        row.flaggedCountry = cut(origin.flaggedCountry, 8);
        row.seenAt = time;
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    @Override
    public void forgetOrigin(String sessionId) {
        SessionOriginEntity row = em.find(SessionOriginEntity.class, sessionId);
        if (row != null) {
            em.remove(row);
        }
    }

    @Override
    public List<FailureRecord> failuresAround(AuthObservation failure, long since) {
        String source = failure.realmId() + "|" + failure.ip() + "|" + failure.asn();
        List<FailureRecord> recent = failures.get(source);
        if (recent == null) {
            // one read per source and batch: it holds the batch's later failures too, committed before it was read
            recent = new ArrayList<>(new LoginFailureStore(session).recent(failure.realmId(), null, failure.ip(),
                    failure.asn(), Instant.ofEpochMilli(failure.time()), Duration.ofMillis(Math.max(1, failure.time() - since))));
            failures.put(source, recent);
        }
        // zt-risk-learning records a failure just after its request commits: this one may not be there yet
        Instant time = Instant.ofEpochMilli(failure.time());
        boolean there = false;
        for (FailureRecord record : recent) {
            if (record.time().equals(time) && Objects.equals(record.userId(), failure.userKey())
                    && Objects.equals(record.ip(), failure.ip())) {
                there = true;
                break;
            }
        }
        if (!there) {
            recent.add(new FailureRecord(time, failure.userKey(), failure.ip(), failure.asn()));
        }
        return recent;
    }

    @Override
    public LoginFailuresSettings failureSettings(String realmId) {
        return settings.computeIfAbsent(realmId, id -> {
            var factory = session.getKeycloakSessionFactory().getProviderFactory(RiskEvaluatorProvider.class,
                    LoginFailuresEvaluator.ID);
            if (!(factory instanceof LoginFailuresEvaluatorFactory failuresFactory)) {
                return LoginFailuresSettings.defaults();
            }
            RealmModel before = session.getContext().getRealm();
            try {
                RealmModel realm = session.realms().getRealm(id);
                session.getContext().setRealm(realm);
                return failuresFactory.settings(session);
            } finally {
                session.getContext().setRealm(before);
            }
        });
    }

    @Override
    public Reported reported(String realmId, String subject) {
        ScorerReportEntity row = em.find(ScorerReportEntity.class, realmId + "/" + subject);
        return row == null ? null : new Reported(row.seenAt, row.accounts);
    }

    @Override
    public void report(String realmId, String subject, long time, int accounts) {
        ScorerReportEntity row = em.find(ScorerReportEntity.class, realmId + "/" + subject);
        if (row == null) {
            row = new ScorerReportEntity();
            row.id = cut(realmId + "/" + subject, 255);
            row.realmId = realmId;
            em.persist(row);
        }
        row.seenAt = time;
        row.accounts = accounts;
    }

    /**
     * Bounds the memory in age and, per realm, in size ({@link ScorerSettings}); population totals are counted
     * again from what is left. Returns the rows deleted.
     */
    public int trim(ScorerSettings limits, long now) {
        int deleted = deleteBefore("ZtScorerReport", now - REPORT_MAX_AGE.toMillis())
                + deleteBefore("ZtSessionOrigin", now - SESSION_MAX_AGE.toMillis())
                + deleteBefore("ZtScorerUser", now - HISTORY_MAX_AGE.toMillis())
                + deleteBefore("ZtScorerValue", now - HISTORY_MAX_AGE.toMillis());
        for (String realm : Retention.realms(em, "ZtSessionOrigin")) {
            deleted += Retention.keepNewest(em, "ZtSessionOrigin", "seenAt", realm, null, limits.maxSessions());
        }
        for (String realm : Retention.realms(em, "ZtScorerUser")) {
            deleted += Retention.keepNewest(em, "ZtScorerUser", "seenAt", realm, null, limits.maxUsers());
        }
        for (String realm : Retention.realms(em, "ZtScorerValue")) {
            for (int k = 0; k < LoginLikelihood.FEATURES; k++) {
                deleted += Retention.keepNewest(em, "ZtScorerValue", "seenAt", realm, k, limits.maxValuesPerFeature());
            }
        }
        if (deleted > 0) {
            recountTotals();
        }
        return deleted;
    }

    private int deleteBefore(String entity, long before) {
        return em.createQuery("delete from " + entity + " e where e.seenAt < :before").setParameter("before", before)
                .executeUpdate();
    }

    private void recountTotals() {
        List<Object[]> sums = em.createQuery("select v.realmId, v.feature, sum(v.times), count(v) from ZtScorerValue v"
                + " group by v.realmId, v.feature", Object[].class).getResultList();
        em.createQuery("update ZtScorerTotal t set t.signIns = 0, t.distinctValues = 0").executeUpdate();
        for (Object[] sum : sums) {
            String id = sum[0] + "/" + sum[1];
            ScorerTotalEntity total = em.find(ScorerTotalEntity.class, id);
            if (total == null) {
                total = new ScorerTotalEntity();
                total.id = id;
                total.realmId = (String) sum[0];
                em.persist(total);
            }
            total.signIns = ((Number) sum[2]).longValue();
            total.distinctValues = ((Number) sum[3]).longValue();
        }
    }

    /** Forgets a deleted user's history. */
    public void deleteUser(String userId) {
        em.createQuery("delete from ZtScorerUser u where u.id = :id").setParameter("id", userId).executeUpdate();
    }

    /** Forgets all a deleted realm's memory. */
    public void deleteRealm(String realmId) {
        for (String entity : List.of("ZtScorerUser", "ZtScorerValue", "ZtScorerTotal", "ZtSessionOrigin", "ZtScorerReport")) {
            em.createQuery("delete from " + entity + " e where e.realmId = :realm").setParameter("realm", realmId)
                    .executeUpdate();
        }
    }
}
