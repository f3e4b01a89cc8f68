package io.zerotrust.keycloak.events.anomaly;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that forgets its least recently used entry beyond a maximum size: keeps per-user, per-source and
 * per-session state bounded however many users, addresses or sessions pass through. Not thread-safe (even
 * {@code get} reorders).
 */
final class BoundedLru<K, V> extends LinkedHashMap<K, V> {

    private final int maxSize;

    BoundedLru(int maxSize) {
        super(Math.min(maxSize, 1 << 16), 0.75f, true);
        this.maxSize = maxSize;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > maxSize;
    }
}
