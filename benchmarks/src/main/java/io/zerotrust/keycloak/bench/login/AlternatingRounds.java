package io.zerotrust.keycloak.bench.login;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.LongStream;

/**
 * Compares the login rate of a subject against a baseline: a warm-up of both, then measured rounds alternating
 * A B, B A, ... so that a drift over the run (heap, database growth, a neighbour's load) hits both alike, each round
 * starting once the servers are idle; the figures are the median rate of each, their ratio against the caller's target,
 * and the server CPU per login, without and with the work a round left for after it.
 */
final class AlternatingRounds {

    static final Duration SETTLE_LIMIT = Duration.ofSeconds(30);

    private final RoundRunner runner;
    private final LoadOptions options;
    private final PrintStream out;
    private final OptionalDouble target;
    private final List<ThreadShare> byThread = new ArrayList<>();

    /** A measured round's server CPU by kind of thread. */
    private record ThreadShare(String flow, int logins, Map<String, Long> nanos) {
    }

    /** @param target the least ratio the comparison is judged against; empty for none (two nodes against one) */
    AlternatingRounds(RoundRunner runner, LoadOptions options, PrintStream out, OptionalDouble target) {
        this.runner = runner;
        this.options = options;
        this.out = out;
        this.target = target;
    }

    /**
     * Every round, warm-up first, each printed as it ends. Before each round both servers are left to go idle, so
     * that work one server left behind (outbox drains, scoring) does not run during the other's round; that work is
     * counted against the round that left it ({@link RoundResult#serverCpuMsPerLoginWithAfterwork()}).
     */
    List<RoundResult> run(LoadTarget subject, LoadTarget baseline) throws InterruptedException {
        List<RoundResult> results = new ArrayList<>();
        ServerCpu.settle(pids(subject, baseline), SETTLE_LIMIT);
        LoadTarget[] warmupOrder = {subject, baseline, subject, baseline};
        if (!options.warmup().isZero()) {
            Duration each = Duration.ofMillis(Math.max(1000, options.warmup().toMillis() / warmupOrder.length));
            for (LoadTarget target : warmupOrder) {
                LoadTarget other = target == subject ? baseline : subject;
                results.add(print(round(target, other, each, true), results.size() + 1));
            }
        }
        for (int pair = 0; pair < options.rounds(); pair++) {
            LoadTarget first = pair % 2 == 0 ? subject : baseline;
            LoadTarget second = pair % 2 == 0 ? baseline : subject;
            results.add(print(round(first, second, options.roundLength(), false), results.size() + 1));
            results.add(print(round(second, first, options.roundLength(), false), results.size() + 1));
        }
        return results;
    }

    private RoundResult round(LoadTarget target, LoadTarget other, Duration length, boolean warmup)
            throws InterruptedException {
        List<Long> neighbours = other.serverPids().stream().filter(pid -> !target.serverPids().contains(pid)).toList();
        long neighbourBefore = ServerCpu.nanos(neighbours);
        Map<String, ThreadCpu.Sample> threadsBefore = ThreadCpu.snapshot(target.serverPids());
        RoundResult result = runner.round(target, length, warmup);
        Map<String, ThreadCpu.Sample> threadsAfter = ThreadCpu.snapshot(target.serverPids());
        long neighbourAfter = ServerCpu.nanos(neighbours);
        if (!warmup && !threadsAfter.isEmpty()) {
            byThread.add(new ThreadShare(target.label(), result.successes(), ThreadCpu.between(threadsBefore, threadsAfter)));
        }
        long[] pids = pids(target, other);
        ServerCpu.Settled settled = ServerCpu.settle(pids, SETTLE_LIMIT);
        if (!settled.idle()) {
            out.printf(Locale.ROOT, "       (the servers were still busy %d s after the round)%n",
                    settled.waited().toSeconds());
        }
        long after = 0;
        for (int i = 0; i < pids.length; i++) {
            if (target.serverPids().contains(pids[i])) {
                after = after < 0 || settled.cpuNanos()[i] < 0 ? -1 : after + settled.cpuNanos()[i];
            }
        }
        return result.withAfterwork(target.serverPids().isEmpty() ? -1 : after,
                neighbourBefore < 0 || neighbourAfter < 0 ? -1 : neighbourAfter - neighbourBefore);
    }

    /** Every server either target signs in to, once. */
    private static long[] pids(LoadTarget target, LoadTarget other) {
        return java.util.stream.Stream.concat(target.serverPids().stream(), other.serverPids().stream()).distinct()
                .mapToLong(Long::longValue).toArray();
    }

    /** Medians, ratio subject/baseline against the target, and the server CPU per login of each. */
    void summarize(LoadTarget subject, LoadTarget baseline, List<RoundResult> results) {
        double ratio = RoundResult.median(rates(results, subject.label()))
                / RoundResult.median(rates(results, baseline.label()));
        out.println();
        out.printf(Locale.ROOT, "Median of %d rounds, %d concurrent browsers:%n", options.rounds(), options.workers());
        for (LoadTarget target : List.of(subject, baseline)) {
            List<Double> rates = rates(results, target.label());
            long[] latencies = measured(results, target.label()).stream()
                    .flatMapToLong(r -> LongStream.of(r.latencies())).sorted().toArray();
            out.printf(Locale.ROOT, "  %-8s %7.1f logins/s (rounds %.1f..%.1f)   latency p50 %.0f ms, p95 %.0f ms"
                            + " over %d logins%n", target.label(), RoundResult.median(rates),
                    rates.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                    rates.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                    RoundResult.percentile(latencies, 50) / 1e6, RoundResult.percentile(latencies, 95) / 1e6,
                    latencies.length);
        }
        if (target.isPresent()) {
            out.printf(Locale.ROOT, "Ratio %s/%s: %.3f (target at least %.2f: %s)%n", subject.label(), baseline.label(),
                    ratio, target.getAsDouble(), ratio >= target.getAsDouble() ? "met" : "NOT met");
        } else {
            out.printf(Locale.ROOT, "Ratio %s/%s: %.3f%n", subject.label(), baseline.label(), ratio);
        }
        out.printf(Locale.ROOT, "  median of the %d back-to-back pairs' ratios: %.3f (less sensitive to slow drifts)%n",
                options.rounds(), RoundResult.median(pairRatios(results, subject.label())));
        double subjectCpu = RoundResult.median(cpu(results, subject.label()));
        double baselineCpu = RoundResult.median(cpu(results, baseline.label()));
        if (!Double.isNaN(subjectCpu) && !Double.isNaN(baselineCpu)) {
            out.printf(Locale.ROOT, "Server CPU per login (median): %s %.1f ms, %s %.1f ms; %s/%s %.3f"
                            + " (the ratio a CPU-bound server would reach)%n", subject.label(), subjectCpu,
                    baseline.label(), baselineCpu, baseline.label(), subject.label(), baselineCpu / subjectCpu);
        }
        double subjectAll = RoundResult.median(cpuWithAfterwork(results, subject.label()));
        double baselineAll = RoundResult.median(cpuWithAfterwork(results, baseline.label()));
        if (!Double.isNaN(subjectAll) && !Double.isNaN(baselineAll)) {
            out.printf(Locale.ROOT, "  with the work each left for after its round (until idle): %s %.1f ms, %s %.1f ms;"
                            + " %s/%s %.3f (what sustained load would reach)%n", subject.label(), subjectAll,
                    baseline.label(), baselineAll, baseline.label(), subject.label(), baselineAll / subjectAll);
        }
        printByThread(subject, baseline);
    }

    /**
     * Server CPU per login by kind of thread over the measured rounds (all their CPU over all their logins), where
     * {@code /proc} tells it: a gap in the request threads is the flows' own work, one in the JIT compiler is start-up.
     */
    private void printByThread(LoadTarget subject, LoadTarget baseline) {
        if (byThread.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder("  by thread, during the measured rounds, " + subject.label() + " / "
                + baseline.label() + ":");
        for (String group : ThreadCpu.GROUPS) {
            line.append(String.format(Locale.ROOT, " %s %.2f / %.2f ms,", group, perLogin(subject.label(), group),
                    perLogin(baseline.label(), group)));
        }
        line.setLength(line.length() - 1);
        out.println(line);
    }

    private double perLogin(String flow, String group) {
        long nanos = 0;
        long logins = 0;
        for (ThreadShare share : byThread) {
            if (share.flow().equals(flow)) {
                nanos += share.nanos().getOrDefault(group, 0L);
                logins += share.logins();
            }
        }
        return logins == 0 ? Double.NaN : nanos / 1e6 / logins;
    }

    /** Prints the failed logins of all rounds; 0 when there were none, else 1 (the figures are then not valid). */
    int reportFailures(List<RoundResult> results) {
        Map<LoginOutcome, Integer> failures = new EnumMap<>(LoginOutcome.class);
        List<String> samples = new ArrayList<>();
        for (RoundResult r : results) {
            r.failures().forEach((outcome, count) -> failures.merge(outcome, count, Integer::sum));
            r.failureSamples().stream().limit(Math.max(0, RoundRunner.FAILURE_SAMPLES - samples.size()))
                    .forEach(samples::add);
        }
        int failed = failures.values().stream().mapToInt(Integer::intValue).sum();
        int succeeded = results.stream().mapToInt(RoundResult::successes).sum();
        if (failed == 0) {
            out.printf(Locale.ROOT, "Failed logins: none of %d%n", succeeded);
            return 0;
        }
        out.printf(Locale.ROOT, "FAILED logins: %d (of %d attempts, warm-up included): %s%n", failed, failed + succeeded,
                failures.entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue()).toList());
        samples.forEach(s -> out.println("  e.g. " + s));
        out.println("The figures above are not valid.");
        return 1;
    }

    /** The measured (not warm-up) rounds of one target, in the order they ran. */
    static List<RoundResult> measured(List<RoundResult> results, String label) {
        return results.stream().filter(r -> !r.warmup() && r.flow().equals(label)).toList();
    }

    private RoundResult print(RoundResult r, int number) {
        long[] latencies = r.latencies();
        out.printf(Locale.ROOT, "%5d  %-8s %-8s %5.1f s %6d logins %7.1f logins/s   p50 %5.0f ms  p95 %5.0f ms%s%s%s%n",
                number, r.warmup() ? "warm-up" : "measured", r.flow(), r.seconds(), r.successes(), r.rate(),
                RoundResult.percentile(latencies, 50) / 1e6, RoundResult.percentile(latencies, 95) / 1e6,
                Double.isNaN(r.serverCpuMsPerLogin()) ? ""
                        : String.format(Locale.ROOT, "   server CPU %5.1f ms/login (%5.1f with afterwork)",
                                r.serverCpuMsPerLogin(), r.serverCpuMsPerLoginWithAfterwork()),
                Double.isNaN(r.neighbourCpuMs()) ? ""
                        : String.format(Locale.ROOT, "   other server %5.0f ms CPU", r.neighbourCpuMs()),
                r.failureCount() == 0 ? "" : "   FAILED " + r.failureCount());
        out.flush();
        return r;
    }

    private static List<Double> rates(List<RoundResult> results, String label) {
        return measured(results, label).stream().map(RoundResult::rate).toList();
    }

    private static List<Double> cpu(List<RoundResult> results, String label) {
        return measured(results, label).stream().map(RoundResult::serverCpuMsPerLogin)
                .filter(v -> !Double.isNaN(v)).toList();
    }

    private static List<Double> cpuWithAfterwork(List<RoundResult> results, String label) {
        return measured(results, label).stream().map(RoundResult::serverCpuMsPerLoginWithAfterwork)
                .filter(v -> !Double.isNaN(v)).toList();
    }

    /** Subject rate over baseline rate within each pair of back-to-back measured rounds. */
    static List<Double> pairRatios(List<RoundResult> results, String subject) {
        List<RoundResult> measured = results.stream().filter(r -> !r.warmup()).toList();
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i + 1 < measured.size(); i += 2) {
            RoundResult a = measured.get(i).flow().equals(subject) ? measured.get(i) : measured.get(i + 1);
            RoundResult b = a == measured.get(i) ? measured.get(i + 1) : measured.get(i);
            ratios.add(a.rate() / b.rate());
        }
        return ratios;
    }
}
