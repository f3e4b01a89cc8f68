package io.zerotrust.keycloak.events.feedback;

import java.util.List;

import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;

/** The findings analysts list and judge, per realm. */
public interface FindingStore {

    /**
     * A finding with the analyst's verdict, if any.
     *
     * @param judgedAt epoch milliseconds of the verdict, 0 before one
     */
    record Entry(AnomalyFinding finding, Verdict verdict, String note, String analyst, long judgedAt) {
    }

    void add(AnomalyFinding finding);

    /** @return the realm's finding, or null when unknown (or expired) */
    Entry get(String realmId, String id);

    /** @return the updated entry, or null when the realm has no such finding */
    Entry judge(String realmId, String id, Verdict verdict, String note, String analyst, long now);

    /** Newest first, of one realm. */
    List<Entry> list(String realmId, int limit);
}
