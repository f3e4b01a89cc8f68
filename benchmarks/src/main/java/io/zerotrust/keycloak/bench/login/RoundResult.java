package io.zerotrust.keycloak.bench.login;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What one round against one target produced: successful logins, time, latencies and failures. */
final class RoundResult {

    private final String flow;
    private final boolean warmup;
    private final long elapsedNanos;
    private final long startMillis;
    private final long endMillis;
    private final long serverCpuNanos;
    private final long[] latencyNanos;
    private final Map<LoginOutcome, Integer> failures;
    private final List<String> failureSamples;

    /**
     * @param startMillis wall-clock time the round began, epoch ms
     * @param endMillis   wall-clock time its last login ended, epoch ms: with the start, the window its events fall in
     */
    RoundResult(String flow, boolean warmup, long elapsedNanos, long startMillis, long endMillis, long serverCpuNanos,
                long[] latencyNanos, Map<LoginOutcome, Integer> failures, List<String> failureSamples) {
        this.flow = flow;
        this.warmup = warmup;
        this.elapsedNanos = elapsedNanos;
        this.startMillis = startMillis;
        this.endMillis = endMillis;
        this.serverCpuNanos = serverCpuNanos;
        this.latencyNanos = latencyNanos.clone();
        Arrays.sort(this.latencyNanos);
        this.failures = new EnumMap<>(LoginOutcome.class);
        this.failures.putAll(failures);
        this.failureSamples = List.copyOf(failureSamples);
    }

    String flow() {
        return flow;
    }

    boolean warmup() {
        return warmup;
    }

    int successes() {
        return latencyNanos.length;
    }

    int failureCount() {
        return failures.values().stream().mapToInt(Integer::intValue).sum();
    }

    Map<LoginOutcome, Integer> failures() {
        return failures;
    }

    List<String> failureSamples() {
        return failureSamples;
    }

    long startMillis() {
        return startMillis;
    }

    long endMillis() {
        return endMillis;
    }

    double seconds() {
        return elapsedNanos / 1e9;
    }

    /** Successful logins per second: logins completed in the round over the time until the last one ended. */
    double rate() {
        return successes() / seconds();
    }

    /** CPU time the server process used during the round per successful login, in ms; NaN when not measured. */
    double serverCpuMsPerLogin() {
        return serverCpuNanos < 0 || successes() == 0 ? Double.NaN : serverCpuNanos / 1e6 / successes();
    }

    long[] latencies() {
        return latencyNanos.clone();
    }

    /** Percentile (0-100) of the sorted values, nearest rank; 0 for none. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
