package io.zerotrust.keycloak.events.feedback;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;

/**
 * The latest findings of this Keycloak node, for analysts to list and judge: in memory, bounded (the oldest
 * leave first), lost on restart, and per node (behind a load balancer a finding is found only on the node
 * that scored it; the SOC's copy in the SIEM is the record). Thread-safe.
 */
public final class RecentFindings {

    public static final int DEFAULT_CAPACITY = 1000;

    /** The node's instance, shared by the event listener (which adds) and the findings endpoint (which reads). */
    private static final RecentFindings NODE = new RecentFindings(DEFAULT_CAPACITY);

    /** A finding with the analyst's verdict, if any. */
    public record Entry(AnomalyFinding finding, Verdict verdict, String note, String analyst) {
    }

    private final int capacity;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    public RecentFindings(int capacity) {
        this.capacity = capacity;
    }

    public static RecentFindings node() {
        return NODE;
    }

    public synchronized void add(AnomalyFinding finding) {
        entries.put(finding.id(), new Entry(finding, null, null, null));
        Iterator<String> oldest = entries.keySet().iterator();
        while (entries.size() > capacity) {
            oldest.next();
            oldest.remove();
        }
    }

    public synchronized Entry get(String id) {
        return entries.get(id);
    }

    /** @return the updated entry, or null when the finding is unknown */
    public synchronized Entry judge(String id, Verdict verdict, String note, String analyst) {
        Entry entry = entries.get(id);
        if (entry == null) {
            return null;
        }
        Entry judged = new Entry(entry.finding(), verdict, note, analyst);
        entries.put(id, judged);
        return judged;
    }

    /** Newest first, of one realm. */
    public synchronized List<Entry> list(String realmId, int limit) {
        List<Entry> all = new ArrayList<>(entries.values());
        List<Entry> result = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && result.size() < limit; i--) {
            if (realmId.equals(all.get(i).finding().realmId())) {
                result.add(all.get(i));
            }
        }
        return result;
    }
}
