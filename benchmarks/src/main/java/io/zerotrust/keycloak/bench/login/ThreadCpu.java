package io.zerotrust.keycloak.bench.login;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Server CPU time by kind of thread, from Linux's {@code /proc/<pid>/task}: where a flow's cost goes. A flow that
 * runs more code keeps the JIT compiler busy longer after start-up, and that CPU is not the flow's steady cost;
 * the request threads' share is. Empty where there is no {@code /proc}.
 */
final class ThreadCpu {

    static final String REQUEST = "request threads";
    static final String COMPILER = "JIT compiler";
    static final String GC = "GC";
    static final String OTHER = "other threads";
    static final List<String> GROUPS = List.of(REQUEST, COMPILER, GC, OTHER);
    /** Linux's user-space clock tick (USER_HZ), in which {@code stat} counts CPU time. */
    private static final long TICK_NANOS = 10_000_000L;

    /** One thread's kind and CPU time so far. */
    record Sample(String group, long nanos) {
    }

    private ThreadCpu() {
    }

    /** Every thread of these processes and their descendants, by pid/tid. */
    static Map<String, Sample> snapshot(Collection<Long> pids) {
        Map<String, Sample> threads = new HashMap<>();
        for (long pid : pids) {
            ProcessHandle.of(pid).stream().flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                    .forEach(p -> read(p.pid(), threads));
        }
        return threads;
    }

    private static void read(long pid, Map<String, Sample> threads) {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String comm = Files.readString(task.resolve("comm")).trim();
                    threads.put(pid + "/" + task.getFileName(), new Sample(group(comm), cpuNanos(Files.readString(task.resolve("stat")))));
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            // no /proc, or the process ended
        }
    }

    /** utime + stime of a {@code stat} line; the name in parentheses may hold spaces, so fields count after it. */
    static long cpuNanos(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS;
    }

    /** The kind of a thread by its name (Linux keeps 15 characters of it). */
    static String group(String name) {
        if (name.startsWith("executor-thread")) {
            return REQUEST;
        }
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            return COMPILER;
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return GC;
        }
        return OTHER;
    }

    /**
     * CPU used between two snapshots, by kind, in {@link #GROUPS} order. A thread started meanwhile counts whole; one
     * that ended meanwhile is lost with its last share (pools keep their threads under load).
     */
    static Map<String, Long> between(Map<String, Sample> before, Map<String, Sample> after) {
        Map<String, Long> spent = new LinkedHashMap<>();
        GROUPS.forEach(group -> spent.put(group, 0L));
        after.forEach((thread, sample) -> {
            Sample earlier = before.get(thread);
            long used = sample.nanos() - (earlier == null ? 0 : earlier.nanos());
            spent.merge(sample.group(), Math.max(0, used), Long::sum);
        });
        return spent;
    }
}
