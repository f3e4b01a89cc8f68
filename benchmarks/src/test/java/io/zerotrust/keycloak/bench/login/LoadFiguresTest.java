package io.zerotrust.keycloak.bench.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LoadFiguresTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(RoundResult.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(RoundResult.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(RoundResult.median(List.of())).isNaN();
    }

    @Test
    void nearestRankPercentile() {
        long[] sorted = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        assertThat(RoundResult.percentile(sorted, 50)).isEqualTo(50);
        assertThat(RoundResult.percentile(sorted, 95)).isEqualTo(100);
        assertThat(RoundResult.percentile(new long[0], 50)).isZero();
    }

    @Test
    void rateCountsSuccessesOverTheRoundsTime() {
        RoundResult round = new RoundResult("adaptive", false, Duration.ofSeconds(10).toNanos(),
                1_000L, 11_000L, Duration.ofMillis(2000).toNanos(), new long[50], Map.of(LoginOutcome.OTP_REQUESTED, 2), List.of());

        assertThat(round.rate()).isEqualTo(5.0);
        assertThat(round.failureCount()).isEqualTo(2);
        assertThat(round.serverCpuMsPerLogin()).isEqualTo(40.0);
    }

    @Test
    void workLeftForAfterTheRoundCountsAgainstItsLogins() {
        RoundResult round = new RoundResult("pack", false, Duration.ofSeconds(10).toNanos(), 1_000L, 11_000L,
                Duration.ofMillis(2000).toNanos(), new long[50], Map.of(), List.of());

        assertThat(round.serverCpuMsPerLoginWithAfterwork()).isNaN();
        RoundResult measured = round.withAfterwork(Duration.ofMillis(500).toNanos(), Duration.ofMillis(30).toNanos());
        assertThat(measured.serverCpuMsPerLogin()).isEqualTo(40.0);
        assertThat(measured.serverCpuMsPerLoginWithAfterwork()).isEqualTo(50.0);
        assertThat(measured.neighbourCpuMs()).isEqualTo(30.0);
    }

    @Test
    void settlingWaitsWhileTheProcessIsBusyAndEndsOnceItIsIdle() throws InterruptedException {
        long self = ProcessHandle.current().pid();
        java.util.concurrent.atomic.AtomicBoolean spin = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread busy = new Thread(() -> {
            long x = 0;
            while (spin.get()) {
                x += System.nanoTime() % 7;
            }
            assertThat(x).isNotNegative();
        });
        busy.start();
        try {
            ServerCpu.Settled whileBusy = ServerCpu.settle(new long[] {self}, Duration.ofMillis(1200));
            assertThat(whileBusy.idle()).isFalse();
            assertThat(whileBusy.cpuNanos()[0]).isGreaterThan(Duration.ofMillis(300).toNanos());
        } finally {
            spin.set(false);
            busy.join();
        }
        ServerCpu.Settled afterwards = ServerCpu.settle(new long[] {self, 0}, Duration.ofSeconds(20));
        assertThat(afterwards.idle()).isTrue();
        assertThat(afterwards.cpuNanos()[1]).isEqualTo(-1);
    }

    @Test
    void optionsHaveDefaultsAndBothSpellings() {
        LoadOptions defaults = LoadOptions.parse(new String[0]);
        assertThat(defaults.workers()).isEqualTo(4);
        assertThat(defaults.realmUrl().toString()).isEqualTo("http://127.0.0.1:8181/realms/zero-trust-demo/");
        assertThat(defaults.forwardedFor()).isEqualTo("192.0.2.10");
        assertThat(defaults.warmup()).as("LoginLoad's ratio is quoted at steady state").hasSeconds(240);
        assertThat(LoadOptions.from(PackOverhead.defaults()).warmup()).hasSeconds(30);
        assertThat(LoadOptions.from(ClusterLoad.defaults()).warmup()).hasSeconds(30);

        LoadOptions set = LoadOptions.parse(new String[]{"--workers", "2", "--base-url=http://127.0.0.1:9999/",
                "--forwarded-for", "none"});
        assertThat(set.workers()).isEqualTo(2);
        assertThat(set.realmUrl().toString()).isEqualTo("http://127.0.0.1:9999/realms/zero-trust-demo/");
        assertThat(set.forwardedFor()).isNull();

        assertThatThrownBy(() -> LoadOptions.parse(new String[]{"--wokers", "2"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--wokers");
        assertThatThrownBy(() -> LoadOptions.parse(new String[]{"--rounds", "0"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
