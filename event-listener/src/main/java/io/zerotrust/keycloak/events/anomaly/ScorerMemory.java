package io.zerotrust.keycloak.events.anomaly;

import java.util.List;

import io.zerotrust.keycloak.risk.velocity.FailureRecord;
import io.zerotrust.keycloak.risk.velocity.LoginFailuresSettings;

/**
 * What the scorer remembers between events. On a server it is Keycloak's database ({@link JpaScorerMemory}), read
 * and written in the transaction that marks a batch scored, so that every node of a cluster, and a node taking the
 * scorer over, scores against the same memory and a batch tried again is not learned twice. Outside a server
 * (benchmarks, tests) it is {@link HeapScorerMemory}. One instance serves one batch and one thread.
 */
public interface ScorerMemory {

    /** The user's verified sign-ins so far; a new, empty history when there are none. */
    UserHistory history(String realmId, String userId);

    /** Keeps the history after the scorer learned a sign-in into it. */
    void saveHistory(String realmId, String userId, UserHistory history, long time);

    /** How many of the realm's verified sign-ins had this value of the feature (0 when none or forgotten). */
    long valueCount(String realmId, int feature, String value);

    /** The realm's verified sign-ins counted for the feature, and how many distinct values they had. */
    FeatureTotals totals(String realmId, int feature);

    /** Counts one more verified sign-in of the realm with this value of the feature. */
    void countValue(String realmId, int feature, String value, long time);

    /** Where the session signed in, or null when it is not known. */
    SessionOrigin origin(String sessionId);

    void saveOrigin(String realmId, String sessionId, SessionOrigin origin, long time);

    void forgetOrigin(String sessionId);

    /**
     * The credential failures from the failure's address or network (its {@link AuthObservation#asn()}) since
     * {@code since}, this failure included: on a server, what {@code zt-risk-learning} recorded, the records the
     * {@code login-failures} evaluator counts.
     */
    List<FailureRecord> failuresAround(AuthObservation failure, long since);

    /** The realm's thresholds and window for attacks across accounts (the {@code login-failures} evaluator's). */
    LoginFailuresSettings failureSettings(String realmId);

    /** When a subject (a source, a user) was last reported and on how many accounts; null when not lately. */
    Reported reported(String realmId, String subject);

    void report(String realmId, String subject, long time, int accounts);

    /** Sign-ins counted for a feature, and its distinct values. */
    record FeatureTotals(long signIns, long values) {
    }

    /** The last report about a subject. */
    record Reported(long time, int accounts) {
    }
}
