package io.zerotrust.keycloak.events.feedback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;

/**
 * The latest findings of this Keycloak node, for analysts to list and judge: in memory, bounded per realm (the
 * oldest of a realm leave first, so that one realm's attack cannot evict another realm's findings), lost on
 * restart, and per node (behind a load balancer a finding is found only on the node that scored it; the SOC's
 * copy in the SIEM is the record). Thread-safe.
 */
public final class RecentFindings {

    /** Findings kept per realm. */
    public static final int DEFAULT_CAPACITY = 1000;

    /** The node's instance, shared by the event listener (which adds) and the findings endpoint (which reads). */
    private static final RecentFindings NODE = new RecentFindings(DEFAULT_CAPACITY);

    /**
     * A finding with the analyst's verdict, if any.
     *
     * @param judgedAt epoch milliseconds of the verdict, 0 before one
     */
    public record Entry(AnomalyFinding finding, Verdict verdict, String note, String analyst, long judgedAt) {
    }

    private final int capacityPerRealm;
    private final Map<String, LinkedHashMap<String, Entry>> byRealm = new HashMap<>();

    public RecentFindings(int capacityPerRealm) {
        this.capacityPerRealm = capacityPerRealm;
    }

    public static RecentFindings node() {
        return NODE;
    }

    public synchronized void add(AnomalyFinding finding) {
        LinkedHashMap<String, Entry> entries = byRealm.computeIfAbsent(String.valueOf(finding.realmId()),
                realm -> new LinkedHashMap<>());
        entries.put(finding.id(), new Entry(finding, null, null, null, 0));
        Iterator<String> oldest = entries.keySet().iterator();
        while (entries.size() > capacityPerRealm) {
            oldest.next();
            oldest.remove();
        }
    }

    /** @return the realm's finding, or null when unknown (or evicted) */
    public synchronized Entry get(String realmId, String id) {
        LinkedHashMap<String, Entry> entries = byRealm.get(realmId);
        return entries == null ? null : entries.get(id);
    }

    /** @return the updated entry, or null when the finding is unknown, e.g. evicted since it was read */
    public synchronized Entry judge(String realmId, String id, Verdict verdict, String note, String analyst, long now) {
        LinkedHashMap<String, Entry> entries = byRealm.get(realmId);
        Entry entry = entries == null ? null : entries.get(id);
        if (entry == null) {
            return null;
        }
        Entry judged = new Entry(entry.finding(), verdict, note, analyst, now);
        entries.put(id, judged);
        return judged;
    }

    /** Newest first, of one realm. */
    public synchronized List<Entry> list(String realmId, int limit) {
        LinkedHashMap<String, Entry> entries = byRealm.get(realmId);
        if (entries == null) {
            return List.of();
        }
        List<Entry> all = new ArrayList<>(entries.values());
        List<Entry> result = new ArrayList<>(Math.min(limit, all.size()));
        for (int i = all.size() - 1; i >= 0 && result.size() < limit; i--) {
            result.add(all.get(i));
        }
        return result;
    }
}
