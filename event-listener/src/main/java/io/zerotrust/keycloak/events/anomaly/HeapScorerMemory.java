package io.zerotrust.keycloak.events.anomaly;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.zerotrust.keycloak.risk.velocity.FailureRecord;
import io.zerotrust.keycloak.risk.velocity.LoginFailuresSettings;

/**
 * The scorer's memory on the heap, for a scorer outside a server (benchmarks, tests, replays): bounded like the
 * database's (users, values per feature and sessions as in {@link ScorerSettings}, least recently used forgotten
 * first; failures within the window, at most {@link #MAX_FAILURES_PER_SOURCE} per source). Unlike on a server, it
 * records each credential failure itself. Not thread-safe.
 */
public final class HeapScorerMemory implements ScorerMemory {

    static final int MAX_FAILURES_PER_SOURCE = 2000;

    private final LoginFailuresSettings failureSettings;
    private final Map<String, UserHistory> histories;
    private final Map<String, long[]> values;
    private final Map<String, long[]> totals = new java.util.HashMap<>();
    private final Map<String, SessionOrigin> origins;
    private final Map<String, Deque<FailureRecord>> failures;
    private final Map<String, Reported> reported;
    private final int maxValuesPerFeature;

    public HeapScorerMemory(ScorerSettings settings, LoginFailuresSettings failureSettings) {
        this.failureSettings = failureSettings;
        this.histories = new BoundedLru<>(settings.maxUsers());
        this.maxValuesPerFeature = settings.maxValuesPerFeature();
        this.values = new BoundedLru<>(settings.maxValuesPerFeature() * LoginLikelihood.FEATURES);
        this.origins = new BoundedLru<>(settings.maxSessions());
        this.failures = new BoundedLru<>(100_000);
        this.reported = new BoundedLru<>(100_000);
    }

    @Override
    public UserHistory history(String realmId, String userId) {
        UserHistory history = histories.get(realmId + "/" + userId);
        return history == null ? new UserHistory() : history;
    }

    @Override
    public void saveHistory(String realmId, String userId, UserHistory history, long time) {
        histories.put(realmId + "/" + userId, history);
    }

    @Override
    public long valueCount(String realmId, int feature, String value) {
        long[] count = values.get(realmId + "/" + feature + "/" + value);
        return count == null ? 0 : count[0];
    }

    @Override
    public FeatureTotals totals(String realmId, int feature) {
        long[] total = totals.get(realmId + "/" + feature);
        return total == null ? new FeatureTotals(0, 0) : new FeatureTotals(total[0], Math.min(total[1], maxValuesPerFeature));
    }

    @Override
    public void countValue(String realmId, int feature, String value, long time) {
        long[] total = totals.computeIfAbsent(realmId + "/" + feature, k -> new long[2]);
        total[0]++;
        long[] count = values.get(realmId + "/" + feature + "/" + value);
        if (count == null) {
            values.put(realmId + "/" + feature + "/" + value, new long[] {1});
            total[1]++;
        } else {
            count[0]++;
        }
    }

    @Override
    public SessionOrigin origin(String sessionId) {
        return origins.get(sessionId);
    }

    @Override
    public void saveOrigin(String realmId, String sessionId, SessionOrigin origin, long time) {
        origins.put(sessionId, origin);
    }

    @Override
    public void forgetOrigin(String sessionId) {
        origins.remove(sessionId);
    }

    @Override
    public List<FailureRecord> failuresAround(AuthObservation failure, long since) {
        FailureRecord record = new FailureRecord(Instant.ofEpochMilli(failure.time()), failure.userKey(), failure.ip(),
                failure.asn());
        Set<FailureRecord> around = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String source : sources(failure)) {
            Deque<FailureRecord> recent = failures.computeIfAbsent(source, k -> new ArrayDeque<>());
            recent.addLast(record);
            while (recent.size() > MAX_FAILURES_PER_SOURCE
                    || (!recent.isEmpty() && recent.peekFirst().time().toEpochMilli() < since)) {
                recent.pollFirst();
            }
            around.addAll(recent);
        }
        return new ArrayList<>(around);
    }

    private static List<String> sources(AuthObservation failure) {
        List<String> sources = new ArrayList<>(2);
        if (failure.ip() != null) {
            sources.add(failure.realmId() + "/ip:" + failure.ip());
        }
        if (failure.asn() != null) {
            sources.add(failure.realmId() + "/net:" + failure.asn());
        }
        return sources;
    }

    @Override
    public LoginFailuresSettings failureSettings(String realmId) {
        return failureSettings;
    }

    @Override
    public Reported reported(String realmId, String subject) {
        return reported.get(realmId + "/" + subject);
    }

    @Override
    public void report(String realmId, String subject, long time, int accounts) {
        reported.put(realmId + "/" + subject, new Reported(time, accounts));
    }

    /** Users with a history and sessions tracked: for operational info. */
    public String state() {
        return histories.size() + " users, " + origins.size() + " sessions, " + failures.size() + " failing sources";
    }
}
