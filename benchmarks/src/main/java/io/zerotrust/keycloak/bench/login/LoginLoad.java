package io.zerotrust.keycloak.bench.login;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Logins per second through the realm's adaptive browser flow against Keycloak's stock {@code browser} flow, on
 * the same server in one run. Two otherwise identical clients select the flow; rounds of the two alternate
 * (A B B A A B ..., after a warm-up of both), each with the same concurrent simulated browsers, and the result is
 * the median rate per flow and their ratio. Every login is a full browser-style password login that must end in
 * a redirect with an authorization code; any other ending is a failure, reported, and the exit status is then 1.
 *
 * <p>Started by {@code benchmarks/login-load.sh}, which also starts the demo server; {@code --help} lists the
 * options.
 */
public final class LoginLoad {

    static final String REDIRECT_URI = "http://127.0.0.1/zt-load/callback";
    private static final int FAILURE_SAMPLES = 3;

    private final LoadOptions options;
    private final PrintStream out;

    LoginLoad(LoadOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws InterruptedException {
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(LoadOptions.USAGE);
            return;
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(new LoginLoad(options, System.out).run());
    }

    /** Runs the load; 0 when every login succeeded, 1 when any failed, 2 when the server could not be prepared. */
    int run() throws InterruptedException {
        HttpClient admin = newClient();
        AdminApi.Setup setup;
        try {
            awaitRealm(admin);
            setup = new AdminApi(admin, options.baseUrl(), options.adminUser(), options.adminPassword())
                    .prepare(options.realm(), options.workers(), options.userPrefix(), options.userPassword(), REDIRECT_URI);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not prepare the server: " + e.getMessage());
            return 2;
        }

        List<BrowserSession> browsers = new ArrayList<>();
        for (String username : setup.usernames()) {
            browsers.add(new BrowserSession(newClient(), options.realmUrl(), username, options.userPassword(),
                    options.forwardedFor()));
        }
        printHeader(setup);

        ExecutorService pool = Executors.newFixedThreadPool(browsers.size());
        List<RoundResult> results = new ArrayList<>();
        try {
            AdminApi.Target[] warmupOrder = {setup.adaptive(), setup.stock(), setup.adaptive(), setup.stock()};
            if (!options.warmup().isZero()) {
                Duration each = Duration.ofMillis(Math.max(1000, options.warmup().toMillis() / warmupOrder.length));
                for (AdminApi.Target target : warmupOrder) {
                    results.add(print(round(pool, browsers, target, each, true), results.size() + 1));
                }
            }
            for (int pair = 0; pair < options.rounds(); pair++) {
                // A B, then B A: a drift over the run (heap, database growth, a neighbour's load) hits both alike
                AdminApi.Target first = pair % 2 == 0 ? setup.adaptive() : setup.stock();
                AdminApi.Target second = pair % 2 == 0 ? setup.stock() : setup.adaptive();
                results.add(print(round(pool, browsers, first, options.roundLength(), false), results.size() + 1));
                results.add(print(round(pool, browsers, second, options.roundLength(), false), results.size() + 1));
            }
        } finally {
            pool.shutdownNow();
        }
        long withDevice = browsers.stream().filter(BrowserSession::hasDeviceCookie).count();
        return summarize(setup, results, withDevice, browsers.size());
    }

    /** One round: every browser signs in through {@code target} again and again until the round's time is up. */
    private RoundResult round(ExecutorService pool, List<BrowserSession> browsers, AdminApi.Target target,
                              Duration length, boolean warmup) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Future<Tally>> futures = new ArrayList<>();
        for (BrowserSession browser : browsers) {
            futures.add(pool.submit(() -> {
                go.await();
                Tally tally = new Tally();
                while (System.nanoTime() < window[1]) {
                    long begin = System.nanoTime();
                    BrowserSession.Attempt attempt = browser.login(target.clientId(), REDIRECT_URI);
                    long end = System.nanoTime();
                    tally.record(attempt, end - begin);
                    tally.end = end;
                    if (!attempt.succeeded()) {
                        Thread.sleep(50); // a broken server must not be hammered in a tight loop
                    }
                }
                return tally;
            }));
        }
        long cpuBefore = serverCpuNanos();
        window[0] = System.nanoTime();
        window[1] = window[0] + length.toNanos();
        go.countDown();

        long lastEnd = window[0];
        List<long[]> latencies = new ArrayList<>();
        Map<LoginOutcome, Integer> failures = new EnumMap<>(LoginOutcome.class);
        List<String> samples = new ArrayList<>();
        for (Future<Tally> future : futures) {
            Tally tally;
            try {
                tally = future.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("A load worker failed", e.getCause());
            }
            lastEnd = Math.max(lastEnd, tally.end);
            latencies.add(tally.latencies());
            tally.failures.forEach((outcome, count) -> failures.merge(outcome, count, Integer::sum));
            tally.samples.stream().limit(Math.max(0, FAILURE_SAMPLES - samples.size())).forEach(samples::add);
        }
        long cpuAfter = serverCpuNanos();
        long cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
        long[] all = latencies.stream().flatMapToLong(LongStream::of).toArray();
        return new RoundResult(target.label(), warmup, lastEnd - window[0], cpu, all, failures, samples);
    }

    private RoundResult print(RoundResult r, int number) {
        long[] latencies = r.latencies();
        out.printf(Locale.ROOT, "%5d  %-8s %-8s %5.1f s %6d logins %7.1f logins/s   p50 %5.0f ms  p95 %5.0f ms%s%s%n",
                number, r.warmup() ? "warm-up" : "measured", r.flow(), r.seconds(), r.successes(), r.rate(),
                RoundResult.percentile(latencies, 50) / 1e6, RoundResult.percentile(latencies, 95) / 1e6,
                Double.isNaN(r.serverCpuMsPerLogin()) ? ""
                        : String.format(Locale.ROOT, "   server CPU %5.1f ms/login", r.serverCpuMsPerLogin()),
                r.failureCount() == 0 ? "" : "   FAILED " + r.failureCount());
        out.flush();
        return r;
    }

    private void printHeader(AdminApi.Setup setup) {
        out.printf(Locale.ROOT, "Login load against %s, realm %s%n", options.baseUrl(), options.realm());
        for (AdminApi.Target target : List.of(setup.adaptive(), setup.stock())) {
            out.printf(Locale.ROOT, "  %-8s client %-17s -> browser flow '%s' (%s)%n", target.label(), target.clientId(),
                    target.flowAlias(), target.flowNote());
        }
        out.printf(Locale.ROOT, "  %d concurrent browsers (users %s..%s), warm-up %d s, then %d rounds of %d s per flow,"
                        + " alternating%n", options.workers(), setup.usernames().get(0),
                setup.usernames().get(setup.usernames().size() - 1), options.warmup().toSeconds(), options.rounds(),
                options.roundLength().toSeconds());
        out.printf(Locale.ROOT, "  X-Forwarded-For: %s; each login: GET login page, POST password, expect a redirect with"
                + " a code; cookies but %s dropped between logins%n%n",
                options.forwardedFor() == null ? "none" : options.forwardedFor(), BrowserSession.DEVICE_COOKIE);
    }

    private int summarize(AdminApi.Setup setup, List<RoundResult> results, long withDevice, int browsers) {
        List<Double> adaptive = rates(results, setup.adaptive().label());
        List<Double> stock = rates(results, setup.stock().label());
        double adaptiveMedian = RoundResult.median(adaptive);
        double stockMedian = RoundResult.median(stock);
        double ratio = adaptiveMedian / stockMedian;
        out.println();
        out.printf(Locale.ROOT, "Median of %d rounds, %d concurrent browsers:%n", options.rounds(), options.workers());
        for (AdminApi.Target target : List.of(setup.adaptive(), setup.stock())) {
            List<Double> rates = rates(results, target.label());
            long[] latencies = results.stream().filter(r -> !r.warmup() && r.flow().equals(target.label()))
                    .flatMapToLong(r -> LongStream.of(r.latencies())).sorted().toArray();
            out.printf(Locale.ROOT, "  %-8s %7.1f logins/s (rounds %.1f..%.1f)   latency p50 %.0f ms, p95 %.0f ms"
                            + " over %d logins%n", target.label(), RoundResult.median(rates),
                    rates.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                    rates.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                    RoundResult.percentile(latencies, 50) / 1e6, RoundResult.percentile(latencies, 95) / 1e6,
                    latencies.length);
        }
        out.printf(Locale.ROOT, "Ratio adaptive/stock: %.3f (target at least 0.95: %s)%n", ratio,
                ratio >= 0.95 ? "met" : "NOT met");
        out.printf(Locale.ROOT, "  median of the %d back-to-back pairs' ratios: %.3f (less sensitive to slow drifts)%n",
                options.rounds(), RoundResult.median(pairRatios(results, setup)));
        double adaptiveCpu = RoundResult.median(cpu(results, setup.adaptive().label()));
        double stockCpu = RoundResult.median(cpu(results, setup.stock().label()));
        if (!Double.isNaN(adaptiveCpu) && !Double.isNaN(stockCpu)) {
            out.printf(Locale.ROOT, "Server CPU per login (median): adaptive %.1f ms, stock %.1f ms; stock/adaptive %.3f"
                    + " (the ratio a CPU-bound server would reach)%n", adaptiveCpu, stockCpu, stockCpu / adaptiveCpu);
        }
        out.printf(Locale.ROOT, "Device cookie %s held by %d of %d browsers%n", BrowserSession.DEVICE_COOKIE,
                withDevice, browsers);

        Map<LoginOutcome, Integer> failures = new EnumMap<>(LoginOutcome.class);
        List<String> samples = new ArrayList<>();
        for (RoundResult r : results) {
            r.failures().forEach((outcome, count) -> failures.merge(outcome, count, Integer::sum));
            r.failureSamples().stream().limit(Math.max(0, FAILURE_SAMPLES - samples.size())).forEach(samples::add);
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

    private static List<Double> cpu(List<RoundResult> results, String flow) {
        return results.stream().filter(r -> !r.warmup() && r.flow().equals(flow))
                .map(RoundResult::serverCpuMsPerLogin).filter(v -> !Double.isNaN(v)).toList();
    }

    /** Adaptive rate over stock rate within each pair of back-to-back measured rounds. */
    private static List<Double> pairRatios(List<RoundResult> results, AdminApi.Setup setup) {
        List<RoundResult> measured = results.stream().filter(r -> !r.warmup()).toList();
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i + 1 < measured.size(); i += 2) {
            RoundResult a = measured.get(i).flow().equals(setup.adaptive().label()) ? measured.get(i) : measured.get(i + 1);
            RoundResult b = a == measured.get(i) ? measured.get(i + 1) : measured.get(i);
            ratios.add(a.rate() / b.rate());
        }
        return ratios;
    }

    /** CPU time of the server process and its descendants so far, or -1 when not measured. */
    private long serverCpuNanos() {
        if (options.serverPid() <= 0) {
            return -1;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(options.serverPid());
        if (process.isEmpty()) {
            return -1;
        }
        long total = 0;
        for (ProcessHandle p : Stream.concat(process.stream(), process.get().descendants()).toList()) {
            total += p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
        return total;
    }

    private static List<Double> rates(List<RoundResult> results, String flow) {
        return results.stream().filter(r -> !r.warmup() && r.flow().equals(flow)).map(RoundResult::rate).toList();
    }

    /** Waits until the realm's discovery document answers, i.e. the server is up and the realm imported. */
    private void awaitRealm(HttpClient http) throws IOException, InterruptedException {
        HttpRequest probe = HttpRequest.newBuilder(options.realmUrl().resolve(".well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        long deadline = System.nanoTime() + options.readyTimeout().toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = http.send(probe, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(1000);
        }
        throw new IOException("realm " + options.realm() + " did not answer at " + options.realmUrl() + " within "
                + options.readyTimeout().toSeconds() + " s (" + last + ")");
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** One worker's share of a round. */
    private static final class Tally {
        private long[] latencies = new long[256];
        private int count;
        private long end;
        private final Map<LoginOutcome, Integer> failures = new EnumMap<>(LoginOutcome.class);
        private final List<String> samples = new ArrayList<>();

        void record(BrowserSession.Attempt attempt, long nanos) {
            if (attempt.succeeded()) {
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = nanos;
            } else {
                failures.merge(attempt.outcome(), 1, Integer::sum);
                if (samples.size() < FAILURE_SAMPLES) {
                    samples.add(attempt.outcome().label() + ": " + attempt.detail());
                }
            }
        }

        long[] latencies() {
            return Arrays.copyOf(latencies, count);
        }
    }
}
