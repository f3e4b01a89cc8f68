package io.zerotrust.keycloak.bench.login;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

/**
 * Runs one round against a target: every browser of the target signs in again and again until the round's time
 * is up, and the round's logins, latencies, failures and the server's CPU time are counted.
 */
final class RoundRunner implements AutoCloseable {

    static final int FAILURE_SAMPLES = 3;

    private final ExecutorService pool;
    private final String redirectUri;

    RoundRunner(int workers, String redirectUri) {
        this.pool = Executors.newFixedThreadPool(workers);
        this.redirectUri = redirectUri;
    }

    RoundResult round(LoadTarget target, Duration length, boolean warmup) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Future<Tally>> futures = new ArrayList<>();
        for (BrowserSession browser : target.browsers()) {
            futures.add(pool.submit(() -> {
                go.await();
                Tally tally = new Tally();
                while (System.nanoTime() < window[1]) {
                    long begin = System.nanoTime();
                    BrowserSession.Attempt attempt = browser.login(target.clientId(), redirectUri);
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
        long cpuBefore = ServerCpu.nanos(target.serverPids());
        long startMillis = System.currentTimeMillis();
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
        long endMillis = System.currentTimeMillis();
        long cpuAfter = ServerCpu.nanos(target.serverPids());
        long cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
        long[] all = latencies.stream().flatMapToLong(LongStream::of).toArray();
        return new RoundResult(target.label(), warmup, lastEnd - window[0], startMillis, endMillis, cpu, all,
                failures, samples);
    }

    @Override
    public void close() {
        pool.shutdownNow();
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
