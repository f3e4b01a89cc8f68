package io.zerotrust.keycloak.bench.login;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ThreadCpuTest {

    @Test
    void threadsAreGroupedByTheirNames() {
        assertThat(ThreadCpu.group("executor-thread")).isEqualTo(ThreadCpu.REQUEST);
        assertThat(ThreadCpu.group("C2 CompilerThre")).isEqualTo(ThreadCpu.COMPILER);
        assertThat(ThreadCpu.group("C1 CompilerThre")).isEqualTo(ThreadCpu.COMPILER);
        assertThat(ThreadCpu.group("GC Thread#1")).isEqualTo(ThreadCpu.GC);
        assertThat(ThreadCpu.group("G1 Conc#0")).isEqualTo(ThreadCpu.GC);
        assertThat(ThreadCpu.group("vert.x-eventloo")).isEqualTo(ThreadCpu.OTHER);
    }

    /** utime and stime are the 14th and 15th fields; a name with spaces and parentheses does not shift them. */
    @Test
    void cpuTimeIsReadAfterTheName() {
        String stat = "4242 (C2 (odd) name) S 1 4242 4242 0 -1 4194624 100 0 0 0 250 75 0 0 20 0 1 0 100 0 0";

        assertThat(ThreadCpu.cpuNanos(stat)).isEqualTo((250 + 75) * 10_000_000L);
    }

    @Test
    void aThreadStartedMeanwhileCountsWholeAndOneEndedIsLeftOut() {
        Map<String, ThreadCpu.Sample> before = Map.of(
                "1/10", new ThreadCpu.Sample(ThreadCpu.REQUEST, 1_000),
                "1/11", new ThreadCpu.Sample(ThreadCpu.COMPILER, 5_000),
                "1/12", new ThreadCpu.Sample(ThreadCpu.GC, 9_000));
        Map<String, ThreadCpu.Sample> after = Map.of(
                "1/10", new ThreadCpu.Sample(ThreadCpu.REQUEST, 4_000),
                "1/11", new ThreadCpu.Sample(ThreadCpu.COMPILER, 5_500),
                "1/13", new ThreadCpu.Sample(ThreadCpu.REQUEST, 700));

        Map<String, Long> spent = ThreadCpu.between(before, after);

        assertThat(spent.keySet()).containsExactlyElementsOf(ThreadCpu.GROUPS);
        assertThat(spent.values()).containsExactly(3_700L, 500L, 0L, 0L);
    }

    @Test
    void thisProcessIsRead() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");
        long pid = ProcessHandle.current().pid();

        Map<String, ThreadCpu.Sample> threads = ThreadCpu.snapshot(List.of(pid));

        assertThat(threads).isNotEmpty().allSatisfy((thread, sample) -> {
            assertThat(thread).startsWith(pid + "/");
            assertThat(sample.nanos()).isNotNegative();
        });
        assertThat(threads.values()).extracting(ThreadCpu.Sample::nanos).anySatisfy(n -> assertThat(n).isPositive());
    }
}
