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

    @Test
    void aDamagedSegmentCostsOnlyItsDamagedLines() throws Exception {
        // A cut UTF-8 sequence and a line cut by a full disk, between good events, left by an earlier run
        byte[] cutUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}', '\n'};
        java.io.ByteArrayOutputStream segment = new java.io.ByteArrayOutputStream();
        segment.write("{\"metadata\":{\"uid\":\"ev-1\"}}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        segment.write(cutUtf8);
        segment.write("{\"metadata\":{\"uid\":\"ev-2\"}}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        segment.write("{\"metadata\":{\"uid\":\"ev-3\"},\"cut".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path file = dir.resolve("segment-00000000000000000007.jsonl");
        Files.write(file, segment.toByteArray());

        Spool spool = new Spool(dir, 1024 * 1024, n -> { });

        assertThat(spool.events()).isEqualTo(2);
        assertThat(spool.oldest().records()).containsExactly("{\"metadata\":{\"uid\":\"ev-1\"}}",
                "{\"metadata\":{\"uid\":\"ev-2\"}}");
        Path corrupt = dir.resolve("segment-00000000000000000007.jsonl" + SegmentLines.CORRUPT_SUFFIX);
        assertThat(Files.readAllBytes(corrupt)).as("the damaged lines are kept for an operator")
                .containsSequence(cutUtf8).containsSequence("\"cut".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // new events still go in after the adopted ones
        spool.append(List.of("{\"metadata\":{\"uid\":\"ev-4\"}}"));
        assertThat(spool.events()).isEqualTo(3);
        spool.close();
    }
}
