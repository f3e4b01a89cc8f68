package io.zerotrust.keycloak.events.anomaly;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The failure windows of one realm's sources (addresses and networks), bounded both in number and in estimated
 * bytes: the least recently failing source is forgotten first. One per realm, so that an attack on one realm
 * cannot push another realm's sources out. Not thread-safe.
 */
final class SourceWindows {

    private final int maxSources;
    private final long maxBytes;
    private final LinkedHashMap<String, FailureWindow> windows = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    SourceWindows(int maxSources, long maxBytes) {
        this.maxSources = maxSources;
        this.maxBytes = maxBytes;
    }

    /** Adds a failure to the source's window (created as needed) and returns the window. */
    FailureWindow add(String source, long time, String account, long windowMillis) {
        FailureWindow window = windows.get(source);
        if (window == null) {
            window = new FailureWindow();
            windows.put(source, window);
            bytes += window.bytes();
        }
        long before = window.bytes();
        window.add(time, account, windowMillis);
        bytes += window.bytes() - before;
        evictBeyondBounds(source);
        return window;
    }

    private void evictBeyondBounds(String keep) {
        Iterator<Map.Entry<String, FailureWindow>> oldest = windows.entrySet().iterator();
        while ((windows.size() > maxSources || bytes > maxBytes) && oldest.hasNext()) {
            Map.Entry<String, FailureWindow> entry = oldest.next();
            if (entry.getKey().equals(keep)) {
                // the source failing now is the most recent: everything older is already gone
                return;
            }
            bytes -= entry.getValue().bytes();
            oldest.remove();
        }
    }

    int size() {
        return windows.size();
    }

    long bytes() {
        return bytes;
    }

    boolean contains(String source) {
        return windows.containsKey(source);
    }
}
