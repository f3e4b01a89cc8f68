package io.zerotrust.keycloak.bench.login;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How long delivered events took from their time (the event's own, as Keycloak stamped it) to their arrival at
 * the receiver. Delivery is at least once: an event that arrives again keeps its first arrival. Thread-safe.
 */
final class DrainLag {

    private record Arrival(long eventMillis, long arrivedMillis) {
    }

    private final Map<String, Arrival> arrivals = new HashMap<>();

    synchronized void arrived(String eventId, long eventMillis, long arrivedMillis) {
        arrivals.putIfAbsent(eventId, new Arrival(eventMillis, arrivedMillis));
    }

    /** How many distinct events arrived whose time falls in one of the rounds' windows. */
    synchronized int countWithin(List<RoundResult> rounds) {
        return (int) arrivals.values().stream().filter(a -> inAny(a.eventMillis(), rounds)).count();
    }

    /** The lags in ms, sorted, of the events whose time falls in one of the rounds' windows. */
    synchronized long[] lagsWithin(List<RoundResult> rounds) {
        long[] lags = arrivals.values().stream().filter(a -> inAny(a.eventMillis(), rounds))
                .mapToLong(a -> a.arrivedMillis() - a.eventMillis()).toArray();
        Arrays.sort(lags);
        return lags;
    }

    private static boolean inAny(long millis, List<RoundResult> rounds) {
        return rounds.stream().anyMatch(r -> millis >= r.startMillis() && millis <= r.endMillis());
    }
}
