package io.zerotrust.keycloak.bench.login;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * CPU time of server processes, and waiting until they are idle. A server keeps working after its round ends
 * (the pack drains its outbox, scores and learns after commit): left alone, that work would run during the other
 * server's round, slowing it and flattering the first. Waiting for quiet before each round keeps the rounds apart;
 * the work waited out is counted against the server that left it.
 */
public final class ServerCpu {

    /** Busy below this share of one core, summed over the servers, for one {@link #WINDOW}: idle. */
    static final double IDLE_CORES = 0.05;
    static final Duration WINDOW = Duration.ofMillis(500);

    private ServerCpu() {
    }

    /** CPU time of these processes and their descendants so far, or -1 when not measured (none, or one gone). */
    static long nanos(java.util.Collection<Long> pids) {
        if (pids.isEmpty()) {
            return -1;
        }
        long total = 0;
        for (long pid : pids) {
            long one = nanos(pid);
            if (one < 0) {
                return -1;
            }
            total += one;
        }
        return total;
    }

    /** CPU time of the process and its descendants so far, or -1 when not measured. */
    public static long nanos(long pid) {
        if (pid <= 0) {
            return -1;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return -1;
        }
        long total = 0;
        for (ProcessHandle p : Stream.concat(process.stream(), process.get().descendants()).toList()) {
            total += p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
        return total;
    }

    /**
     * CPU time of the whole machine so far, every process and the kernel (the first line of Linux's
     * {@code /proc/stat}, in its clock ticks of 10 ms), or -1 where there is no such file.
     */
    public static long machineNanos() {
        try {
            String[] fields = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim()
                    .split("\\s+");
            long ticks = 0;
            for (int i = 1; i < fields.length && i <= 7; i++) { // user nice system idle iowait irq softirq
                if (i != 4 && i != 5) { // idle and iowait are not work
                    ticks += Long.parseLong(fields[i]);
                }
            }
            return ticks * 10_000_000L;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** What {@link #settle} saw: how long it waited, whether the servers went idle, and each one's CPU meanwhile. */
    record Settled(Duration waited, boolean idle, long[] cpuNanos) {
    }

    /**
     * Waits until the servers together use less than {@link #IDLE_CORES} over a {@link #WINDOW}, or the limit is
     * reached; pids of 0 are not measured (nothing to wait for).
     */
    static Settled settle(long[] pids, Duration limit) throws InterruptedException {
        long[] start = new long[pids.length];
        for (int i = 0; i < pids.length; i++) {
            start[i] = nanos(pids[i]);
        }
        long begin = System.nanoTime();
        long deadline = begin + limit.toNanos();
        boolean idle = false;
        long[] last = start.clone();
        while (!idle && System.nanoTime() < deadline) {
            TimeUnit.NANOSECONDS.sleep(WINDOW.toNanos()); // sampling CPU over a window: the wait is the measurement
            long busy = 0;
            for (int i = 0; i < pids.length; i++) {
                long now = nanos(pids[i]);
                if (now >= 0 && last[i] >= 0) {
                    busy += now - last[i];
                }
                last[i] = now;
            }
            idle = busy < IDLE_CORES * WINDOW.toNanos();
        }
        long[] spent = new long[pids.length];
        for (int i = 0; i < pids.length; i++) {
            spent[i] = start[i] < 0 || last[i] < 0 ? -1 : last[i] - start[i];
        }
        return new Settled(Duration.ofNanos(System.nanoTime() - begin), idle, spent);
    }
}
