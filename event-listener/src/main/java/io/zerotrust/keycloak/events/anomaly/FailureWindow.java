package io.zerotrust.keycloak.events.anomaly;

import java.util.HashMap;
import java.util.Map;

/**
 * Failed sign-ins from one source within a sliding window: how many distinct accounts failed, and how many of
 * them failed only once or twice. Bounded by a ring of {@link #CAPACITY} failures (the oldest leave first);
 * counts are updated as failures enter and leave, so each failure costs O(1). Not thread-safe.
 */
final class FailureWindow {

    static final int CAPACITY = 1024;

    private final long[] times = new long[CAPACITY];
    private final String[] accounts = new String[CAPACITY];
    private final Map<String, int[]> perAccount = new HashMap<>();
    private int head;
    private int size;
    private int fewFailures;

    long lastFindingTime = Long.MIN_VALUE;
    int accountsAtLastFinding;

    void add(long time, String account, long windowMillis) {
        expire(time - windowMillis);
        if (size == CAPACITY) {
            removeOldest();
        }
        int tail = (head + size) % CAPACITY;
        times[tail] = time;
        accounts[tail] = account;
        size++;
        int[] count = perAccount.get(account);
        if (count == null) {
            perAccount.put(account, new int[] {1});
            fewFailures++;
        } else if (++count[0] == 3) {
            fewFailures--;
        }
    }

    private void expire(long before) {
        while (size > 0 && times[head] < before) {
            removeOldest();
        }
    }

    private void removeOldest() {
        String account = accounts[head];
        accounts[head] = null;
        head = (head + 1) % CAPACITY;
        size--;
        int[] count = perAccount.get(account);
        if (count[0] == 3) {
            fewFailures++;
        }
        if (--count[0] == 0) {
            perAccount.remove(account);
            fewFailures--;
        }
    }

    /** The accounts failing in the window, in no particular order. */
    java.util.List<String> accounts() {
        return java.util.List.copyOf(perAccount.keySet());
    }

    int distinctAccounts() {
        return perAccount.size();
    }

    /** Accounts with one or two failures in the window. */
    int accountsWithFewFailures() {
        return fewFailures;
    }

    int failures() {
        return size;
    }
}
