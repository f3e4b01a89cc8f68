package io.zerotrust.keycloak.events.anomaly;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Failed sign-ins from one source within a sliding window: how many distinct accounts failed, and how many of
 * them failed only once or twice. A ring of at most {@link #CAPACITY} failures (the oldest leave first) that
 * grows as failures arrive and shrinks as they expire, so the many sources that fail once or twice (every
 * address of an IPv6 /64, say) cost a few hundred bytes each, not the full ring. Counts are updated as failures
 * enter and leave, so each failure costs O(1) amortised. {@link #bytes()} estimates the heap it holds. Not
 * thread-safe.
 */
final class FailureWindow {

    static final int CAPACITY = 1024;
    static final int INITIAL_CAPACITY = 4;

    /** Estimated heap of an empty window: the object, its map and two small arrays. */
    static final long BASE_BYTES = 160;
    /** Per ring slot: a long and a reference. */
    static final long SLOT_BYTES = 16;
    /** Per distinct account: a map entry, its counter, and the key string's header (its characters apart). */
    static final long ACCOUNT_BYTES = 112;

    private long[] times = new long[INITIAL_CAPACITY];
    private String[] accounts = new String[INITIAL_CAPACITY];
    private final Map<String, int[]> perAccount = new HashMap<>();
    private int head;
    private int size;
    private int fewFailures;
    private long accountChars;

    long lastFindingTime = Long.MIN_VALUE;
    int accountsAtLastFinding;

    void add(long time, String account, long windowMillis) {
        expire(time - windowMillis);
        if (size == CAPACITY) {
            removeOldest();
        } else if (size == times.length) {
            resize(Math.min(CAPACITY, times.length * 2));
        }
        int tail = (head + size) % times.length;
        times[tail] = time;
        accounts[tail] = account;
        size++;
        int[] count = perAccount.get(account);
        if (count == null) {
            perAccount.put(account, new int[] {1});
            accountChars += account.length();
            fewFailures++;
        } else if (++count[0] == 3) {
            fewFailures--;
        }
    }

    private void expire(long before) {
        while (size > 0 && times[head] < before) {
            removeOldest();
        }
        // give back what an attack that ended left allocated
        if (times.length > INITIAL_CAPACITY && size < times.length / 4) {
            resize(Math.max(INITIAL_CAPACITY, times.length / 2));
        }
    }

    private void resize(int capacity) {
        long[] newTimes = new long[capacity];
        String[] newAccounts = new String[capacity];
        for (int i = 0; i < size; i++) {
            int from = (head + i) % times.length;
            newTimes[i] = times[from];
            newAccounts[i] = accounts[from];
        }
        times = newTimes;
        accounts = newAccounts;
        head = 0;
    }

    private void removeOldest() {
        String account = accounts[head];
        accounts[head] = null;
        head = (head + 1) % times.length;
        size--;
        int[] count = perAccount.get(account);
        if (count[0] == 3) {
            fewFailures++;
        }
        if (--count[0] == 0) {
            perAccount.remove(account);
            accountChars -= account.length();
            fewFailures--;
        }
    }

    /** Estimated heap held, in bytes (strings counted at two bytes a character, the worst case). */
    long bytes() {
        return BASE_BYTES + SLOT_BYTES * times.length + ACCOUNT_BYTES * perAccount.size() + 2 * accountChars;
    }

    /** Allocated ring slots (for tests). */
    int allocated() {
        return times.length;
    }

    /** The accounts failing in the window, in no particular order. */
    List<String> accounts() {
        return List.copyOf(perAccount.keySet());
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
