package io.zerotrust.keycloak.events.feedback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;

/** Findings in memory, bounded per realm: the store of the unit tests. */
final class MemoryFindings implements FindingStore {

    private final int capacityPerRealm;
    private final Map<String, LinkedHashMap<String, Entry>> byRealm = new HashMap<>();

    MemoryFindings(int capacityPerRealm) {
        this.capacityPerRealm = capacityPerRealm;
    }

    @Override
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
    @Override
    public synchronized Entry get(String realmId, String id) {
        LinkedHashMap<String, Entry> entries = byRealm.get(realmId);
        return entries == null ? null : entries.get(id);
    }

    /** @return the updated entry, or null when the finding is unknown, e.g. evicted since it was read */
    @Override
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
    @Override
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
