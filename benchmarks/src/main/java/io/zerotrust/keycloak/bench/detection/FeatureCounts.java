package io.zerotrust.keycloak.bench.detection;

import java.util.HashMap;
import java.util.Map;

/** How often each value of each level of one feature hierarchy occurred in a set of logins. */
public final class FeatureCounts {

    private final Map<String, Integer>[] counts;
    private int total;

    @SuppressWarnings("unchecked")
    public FeatureCounts(int levels) {
        counts = new Map[levels];
        for (int i = 0; i < levels; i++) {
            counts[i] = new HashMap<>();
        }
    }

    public void add(String[] values) {
        for (int i = 0; i < counts.length; i++) {
            counts[i].merge(values[i], 1, Integer::sum);
        }
        total++;
    }

    public int count(int level, String value) {
        return counts[level].getOrDefault(value, 0);
    }

    public int distinct(int level) {
        return counts[level].size();
    }

    public int total() {
        return total;
    }
}
