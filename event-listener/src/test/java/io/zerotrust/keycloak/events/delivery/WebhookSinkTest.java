package io.zerotrust.keycloak.events.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zerotrust.keycloak.events.metrics.PipelineMetrics;
import io.zerotrust.keycloak.events.ocsf.OcsfJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSinkTest {

    private final Receiver receiver = newReceiver();
    private final PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry());
    private final List<Long> sleeps = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static Receiver newReceiver() {
        try {
            return new Receiver();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    static WebhookSettings settings(URI url, int retries) {
        return new WebhookSettings(url, Receiver.SECRET, WebhookSettings.BodyFormat.JSON_ARRAY, Duration.ofSeconds(2),
                Duration.ofSeconds(5), retries, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(60));
    }

    private WebhookSink sink(int retries) {
        return new WebhookSink(settings(receiver.url(), retries), metrics, clock, sleeps::add);
    }

    static List<OcsfJson> events(int from, int count) {
        List<String> events = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            events.add("{\"metadata\":{\"uid\":\"" + String.format("ev-%05d", i) + "\"}}");
        }
        return OcsfRecords.of(events);
    }

    @Test
    void signsTheBodyAndSendsTheTimestamp() throws Exception {
        sink(0).send(events(0, 3));

        assertThat(receiver.ids).containsExactly("ev-00000", "ev-00001", "ev-00002");
        assertThat(receiver.signaturesValid).containsExactly(true);
        assertThat(receiver.timestamps).containsExactly(Long.toString(clock.instant().getEpochSecond()));
    }

    @Test
    void aWrongSecretDoesNotVerify() {
        byte[] body = "[]".getBytes();
        assertThat(new WebhookSignature("another-secret-0000").verify(body, new WebhookSignature(Receiver.SECRET).sign(body)))
                .isFalse();
        assertThat(new WebhookSignature("key").sign("The quick brown fox jumps over the lazy dog".getBytes()))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void honoursRetryAfterOn503ThenSucceeds() throws Exception {
        receiver.script.add(new Receiver.Answer(503, "3"));
        receiver.script.add(new Receiver.Answer(429, "Thu, 01 Jan 2026 00:00:07 GMT"));

        sink(3).send(events(0, 2));

        assertThat(sleeps).containsExactly(3000L, 7000L);
        assertThat(receiver.ids).containsExactly("ev-00000", "ev-00001");
        assertThat(metrics.count(PipelineMetrics.RETRIED, "sink", "webhook")).isEqualTo(2);
    }

    @Test
    void serverErrorsBackOffWithJitterThenGiveUpTransiently() {
        receiver.otherwise = new Receiver.Answer(500, null);

        assertThatThrownBy(() -> sink(3).send(events(0, 1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.reason()).isEqualTo("http_500");
                });
        assertThat(sleeps).hasSize(3);
        // full jitter within exponential ceilings 10, 20, 40 ms
        assertThat(sleeps.get(0)).isBetween(0L, 10L);
        assertThat(sleeps.get(1)).isBetween(0L, 20L);
        assertThat(sleeps.get(2)).isBetween(0L, 40L);
    }

    @Test
    void aRefusingReceiverKeepsTheEventsForLaterWithoutRetryingNow() {
        // 401 while a receiver rotates its secret, 404 while it moves
        for (int status : new int[]{401, 403, 404}) {
            receiver.otherwise = new Receiver.Answer(status, null);
            assertThatThrownBy(() -> sink(3).send(events(0, 1)))
                    .isInstanceOfSatisfying(DeliveryException.class,
                            e -> assertThat(e.reason()).isEqualTo("http_" + status));
        }
        assertThat(sleeps).as("no retries now: the outbox keeps them for a later round").isEmpty();
        assertThat(WebhookSink.retriable(408)).isTrue();
        assertThat(WebhookSink.retriable(429)).isTrue();
        assertThat(WebhookSink.retriable(401)).isFalse();
    }

    @Test
    void aBatchTooLargeIsSplitUntilTheReceiverTakesIt() throws Exception {
        receiver.maxBatch = 3;
        sink(0).send(events(0, 10));

        assertThat(receiver.sortedIds()).containsExactlyElementsOf(events(0, 10).stream()
                .map(OcsfJson::eventId).toList());
        assertThat(receiver.batchSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(3));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void onlyASingleEventTooLargeForTheReceiverIsRejectedAndTheRestOfItsBatchGoes() throws Exception {
        // the receiver refuses ev-00002 whatever its batch (a body limit only that event exceeds)
        receiver.tooLarge = "ev-00002";
        List<EventSink.Rejected> rejected = sink(3).send(events(0, 4));

        assertThat(receiver.sortedIds()).containsExactly("ev-00000", "ev-00001", "ev-00003");
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.index()).isEqualTo(2);
            assertThat(r.answer()).isEqualTo("HTTP 413");
        });
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aSingleEventTheReceiverCannotTakeIsRejectedWithItsAnswer() throws Exception {
        receiver.badEvent = "ev-00005";
        List<EventSink.Rejected> rejected = sink(3).send(events(0, 8));

        assertThat(receiver.sortedIds()).hasSize(7).doesNotContain("ev-00005");
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.index()).isEqualTo(5);
            assertThat(r.answer()).isEqualTo("HTTP 400: {\"error\":\"missing class_uid\"}");
        });
    }

    @Test
    void aReceiverRefusingEveryEventOnItsOwnKeepsThemAll() {
        // e.g. one expecting another body format: the receiver is wrong, not the events
        receiver.otherwise = new Receiver.Answer(400, null);
        assertThatThrownBy(() -> sink(3).send(events(0, 4)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.reason()).isEqualTo("refused_all"));
        assertThat(receiver.ids).isEmpty();
    }

    @Test
    void anUnreachableReceiverIsTransient() {
        int port = receiver.port();
        receiver.close();
        WebhookSink sink = new WebhookSink(settings(URI.create("http://127.0.0.1:" + port + "/hook"), 1), metrics,
                clock, sleeps::add);
        assertThatThrownBy(() -> sink.send(events(0, 1)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.reason()).isEqualTo("io_error"));
    }

    @Test
    void ndjsonBodyHasOneEventPerLine() {
        WebhookSink sink = new WebhookSink(new WebhookSettings(receiver.url(), Receiver.SECRET,
                WebhookSettings.BodyFormat.NDJSON, Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ofMillis(1),
                Duration.ofMillis(1), Duration.ofSeconds(1)), metrics);
        assertThat(new String(sink.body(OcsfRecords.of("{\"a\":1}", "{\"b\":2}")), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":1}\n{\"b\":2}\n");
        assertThat(new String(sink(0).body(OcsfRecords.of("{\"a\":\"\u00e9\"}", "{\"b\":2}")), StandardCharsets.UTF_8))
                .as("a JSON array of the events, in UTF-8").isEqualTo("[{\"a\":\"\u00e9\"},{\"b\":2}]");
    }

    @Test
    void settingsFailSecure() {
        assertThat(WebhookSettings.problem(URI.create("http://siem.example.com/hook"), Receiver.SECRET))
                .contains("https");
        assertThat(WebhookSettings.problem(URI.create("https://siem.example.com/hook"), "short")).contains("secret");
        assertThat(WebhookSettings.problem(URI.create("https://siem.example.com/hook"), Receiver.SECRET)).isNull();
        assertThat(WebhookSettings.problem(URI.create("http://127.0.0.1:9/hook"), Receiver.SECRET)).isNull();
        // any spelling of a loopback address, and nothing that merely starts like one
        assertThat(WebhookSettings.problem(URI.create("http://[::1]:9/hook"), Receiver.SECRET)).isNull();
        assertThat(WebhookSettings.problem(URI.create("http://[0:0:0:0:0:0:0:1]:9/hook"), Receiver.SECRET)).isNull();
        assertThat(WebhookSettings.problem(URI.create("http://127.0.0.2:9/hook"), Receiver.SECRET)).isNull();
        assertThat(WebhookSettings.problem(URI.create("http://127.0.0.1.example.com/hook"), Receiver.SECRET))
                .contains("https");
        assertThat(WebhookSettings.problem(URI.create("http://10.0.0.1/hook"), Receiver.SECRET)).contains("https");
    }

    @Test
    void retryAfterParsesSecondsAndDates() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(RetryAfter.millis("120", now)).isEqualTo(120_000);
        assertThat(RetryAfter.millis("Thu, 01 Jan 2026 00:01:00 GMT", now)).isEqualTo(60_000);
        assertThat(RetryAfter.millis("Wed, 31 Dec 2025 00:00:00 GMT", now)).isZero();
        assertThat(RetryAfter.millis("soon", now)).isEqualTo(-1);
        assertThat(RetryAfter.millis(null, now)).isEqualTo(-1);
    }
}
