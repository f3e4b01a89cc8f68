package io.zerotrust.keycloak.events.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zerotrust.keycloak.events.metrics.PipelineMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryPipelineTest {

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineMetrics metrics = new PipelineMetrics(registry);
    private static final Function<List<String>, List<String>> AS_IS = List::copyOf;

    private SpooledSink webhook(java.net.URI url, Path spoolDir) throws Exception {
        WebhookSettings settings = new WebhookSettings(url, Receiver.SECRET, WebhookSettings.BodyFormat.JSON_ARRAY,
                Duration.ofMillis(500), Duration.ofSeconds(2), 1, Duration.ofMillis(5), Duration.ofMillis(20),
                Duration.ofSeconds(5));
        return new SpooledSink(new WebhookSink(settings, metrics), new Spool(spoolDir, 1 << 20,
                n -> metrics.dropped("spool_full", n)), metrics, 100);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static boolean isEmpty(Path directory) {
        try (var files = Files.list(directory)) {
            return files.findAny().isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void batchesBySizeAndLinger() throws Exception {
        try (Receiver receiver = new Receiver()) {
            DeliveryPipeline<String> pipeline = new DeliveryPipeline<>(1000, 10, 300, 100, AS_IS,
                    List.of(webhook(receiver.url(), dir.resolve("spool"))), metrics);
            pipeline.start();
            WebhookSinkTest.events(0, 25).forEach(pipeline::offer);
            await(() -> receiver.ids.size() == 25);
            pipeline.close();

            assertThat(receiver.batchSizes).containsExactly(10, 10, 5);
            assertThat(receiver.signaturesValid).containsOnly(true);
            assertThat(metrics.count(PipelineMetrics.DELIVERED, "sink", "webhook")).isEqualTo(25);
            assertThat(registry.find(PipelineMetrics.QUEUE_DEPTH).gauge().value()).isZero();
        }
    }

    @Test
    void receiverDownThenUpDeliversEveryEvent() throws Exception {
        Receiver first = new Receiver();
        int port = first.port();
        java.net.URI url = first.url();
        first.close();

        DeliveryPipeline<String> pipeline = new DeliveryPipeline<>(1000, 20, 20, 100, AS_IS,
                List.of(webhook(url, dir.resolve("spool"))), metrics);
        pipeline.start();
        WebhookSinkTest.events(0, 100).forEach(pipeline::offer);
        await(() -> metrics.count(PipelineMetrics.SPOOLED, "sink", "webhook") == 100);

        try (Receiver receiver = new Receiver(port)) {
            WebhookSinkTest.events(100, 50).forEach(pipeline::offer);
            await(() -> receiver.sortedIds().stream().distinct().count() == 150);
            // the receiver keeps a batch before it answers; the sink counts it once the answer is in
            await(() -> metrics.count(PipelineMetrics.DELIVERED, "sink", "webhook") >= 150);
            pipeline.close();

            assertThat(receiver.sortedIds().stream().distinct().toList())
                    .isEqualTo(WebhookSinkTest.events(0, 150).stream().map(e -> e.substring(20, 28)).sorted().toList());
            assertThat(metrics.count(PipelineMetrics.DELIVERED, "sink", "webhook")).isGreaterThanOrEqualTo(150);
            assertThat(metrics.count(PipelineMetrics.DROPPED, "reason", "spool_full")).isZero();
            assertThat(metrics.count(PipelineMetrics.RETRIED, "sink", "webhook")).isPositive();
        }
    }

    @Test
    void spoolLeftByAnEarlierRunIsReplayedOnStart() throws Exception {
        Path spoolDir = dir.resolve("spool");
        Spool earlier = new Spool(spoolDir, 1 << 20, n -> { });
        earlier.append(WebhookSinkTest.events(0, 7));
        earlier.close();
        try (Receiver receiver = new Receiver()) {
            DeliveryPipeline<String> pipeline = new DeliveryPipeline<>(10, 10, 10, 50, AS_IS,
                    List.of(webhook(receiver.url(), spoolDir)), metrics);
            pipeline.start();
            await(() -> receiver.ids.size() == 7);
            // the receiver keeps the batch before it answers; the segment goes once the answer is in
            await(() -> isEmpty(spoolDir));
            pipeline.close();
        }
        assertThat(isEmpty(spoolDir)).as("spool emptied by the replay").isTrue();
    }

    @Test
    void fullQueueDropsTheOldestAndNeverBlocks() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Function<List<String>, List<String>> slow = batch -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.copyOf(batch);
        };
        JsonLinesFileSink file = new JsonLinesFileSink(dir.resolve("events.jsonl"), JsonLinesFileSink.FsyncPolicy.BATCH);
        DeliveryPipeline<String> pipeline = new DeliveryPipeline<>(5, 1, 0, 1000, slow,
                List.of(new SpooledSink(file, new Spool(dir.resolve("spool"), 1 << 20, n -> { }), metrics, 10)), metrics);
        pipeline.start();
        pipeline.offer("{\"n\":0}");
        Thread.sleep(200); // the worker holds event 0
        for (int i = 1; i <= 10; i++) {
            pipeline.offer("{\"n\":" + i + "}");
        }
        assertThat(pipeline.queued()).isEqualTo(5);
        assertThat(metrics.count(PipelineMetrics.DROPPED, "reason", "queue_full")).isEqualTo(5);
        release.countDown();
        await(() -> pipeline.queued() == 0);
        Thread.sleep(200);
        pipeline.close();
        assertThat(Files.readAllLines(dir.resolve("events.jsonl")))
                .containsExactly("{\"n\":0}", "{\"n\":6}", "{\"n\":7}", "{\"n\":8}", "{\"n\":9}", "{\"n\":10}");
    }

    @Test
    void closeSpoolsWhatIsStillQueued() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        Function<List<String>, List<String>> stuck = batch -> {
            try {
                if (first.getAndSet(false)) {
                    never.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.copyOf(batch);
        };
        Path spoolDir = dir.resolve("spool");
        JsonLinesFileSink file = new JsonLinesFileSink(dir.resolve("events.jsonl"), JsonLinesFileSink.FsyncPolicy.NONE);
        DeliveryPipeline<String> pipeline = new DeliveryPipeline<>(100, 1, 0, 60_000, stuck,
                List.of(new SpooledSink(file, new Spool(spoolDir, 1 << 20, n -> { }), metrics, 10)), metrics);
        pipeline.stopTimeoutMillis = 200;
        pipeline.start();
        for (int i = 0; i < 5; i++) {
            pipeline.offer("{\"n\":" + i + "}");
        }
        Thread.sleep(200);
        pipeline.close();
        Spool after = new Spool(spoolDir, 1 << 20, n -> { });
        // the one in the worker's hands fails to reach the interrupted file channel and is spooled with the rest
        assertThat(after.events()).isEqualTo(5);
    }
}
