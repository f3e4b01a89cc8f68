package io.zerotrust.keycloak.events.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SpoolTest {

    @TempDir
    Path dir;

    @Test
    void replaysOldestFirstAndSurvivesARestart() throws Exception {
        Spool spool = new Spool(dir, 1 << 20, n -> { });
        spool.append(WebhookSinkTest.events(0, 3));
        spool.append(WebhookSinkTest.events(3, 2));
        spool.close();

        Spool reopened = new Spool(dir, 1 << 20, n -> { });
        assertThat(reopened.events()).isEqualTo(5);
        Spool.Replay replay = reopened.oldest();
        assertThat(replay.records()).hasSize(5).first().asString().contains("ev-00000");
        reopened.acknowledge(replay.segment());
        assertThat(reopened.isEmpty()).isTrue();
        assertThat(reopened.oldest()).isNull();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void whenFullDropsTheOldestSegmentAndCountsIt() throws Exception {
        AtomicInteger dropped = new AtomicInteger();
        // 16 KiB segments, 64 KiB in all; each event line is 30 bytes
        Spool spool = new Spool(dir, 64 * 1024, dropped::addAndGet);
        int total = 0;
        for (int batch = 0; batch < 40; batch++) {
            spool.append(WebhookSinkTest.events(total, 100));
            total += 100;
        }
        assertThat(spool.totalBytes()).isLessThanOrEqualTo(64 * 1024);
        assertThat(dropped.get()).isPositive();
        assertThat(spool.events() + dropped.get()).isEqualTo(total);

        List<String> remaining = new ArrayList<>();
        Spool.Replay replay;
        while ((replay = spool.oldest()) != null) {
            remaining.addAll(replay.records());
            spool.acknowledge(replay.segment());
        }
        // the newest survive, in order; the dropped ones are exactly the oldest
        assertThat(remaining).hasSize(total - dropped.get());
        assertThat(remaining.get(remaining.size() - 1)).contains(String.format("ev-%05d", total - 1));
        assertThat(remaining.get(0)).contains(String.format("ev-%05d", dropped.get()));
    }
}
