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
    private final long afterCpuNanos;
    private final long neighbourCpuNanos;

    /**
     * @param startMillis wall-clock time the round began, epoch ms
     * @param endMillis   wall-clock time its last login ended, epoch ms: with the start, the window its events fall in
     */
    RoundResult(String flow, boolean warmup, long elapsedNanos, long startMillis, long endMillis, long serverCpuNanos,
                long[] latencyNanos, Map<LoginOutcome, Integer> failures, List<String> failureSamples) {
        this(flow, warmup, elapsedNanos, startMillis, endMillis, serverCpuNanos, latencyNanos, failures, failureSamples,
                -1, -1);
    }

    private RoundResult(String flow, boolean warmup, long elapsedNanos, long startMillis, long endMillis,
                        long serverCpuNanos, long[] latencyNanos, Map<LoginOutcome, Integer> failures,
                        List<String> failureSamples, long afterCpuNanos, long neighbourCpuNanos) {
        this.afterCpuNanos = afterCpuNanos;
        this.neighbourCpuNanos = neighbourCpuNanos;
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

    /**
     * This round with the CPU time its server spent after it, until idle (work the round left behind: drains,
     * scoring), and the CPU time the other server used during it; -1 where not measured.
     */
    RoundResult withAfterwork(long afterCpuNanos, long neighbourCpuNanos) {
        return new RoundResult(flow, warmup, elapsedNanos, startMillis, endMillis, serverCpuNanos, latencyNanos,
                failures, failureSamples, afterCpuNanos, neighbourCpuNanos);
    }

    /** CPU per successful login in ms, the work left for after the round included; NaN when not measured. */
    double serverCpuMsPerLoginWithAfterwork() {
        return afterCpuNanos < 0 || Double.isNaN(serverCpuMsPerLogin()) ? Double.NaN
                : (serverCpuNanos + afterCpuNanos) / 1e6 / successes();
    }

    /** CPU the other server used during this round, in ms; NaN when not measured. */
    double neighbourCpuMs() {
        return neighbourCpuNanos < 0 ? Double.NaN : neighbourCpuNanos / 1e6;
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
