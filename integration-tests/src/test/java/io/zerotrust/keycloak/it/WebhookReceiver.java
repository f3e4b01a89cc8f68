package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * The SOC's side of the webhook, on loopback: checks every batch's HMAC signature, keeps the OCSF objects, and
 * can be taken "down" (answering 503, slowly) to prove that undelivered events wait and arrive later.
 */
final class WebhookReceiver {

    static final String SECRET = "it-webhook-secret-0123456789";
    private static WebhookReceiver instance;

    private final HttpServer server;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<String> badSignatures = new CopyOnWriteArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();
    /** Deliveries answered 503 while down. */
    private final java.util.concurrent.atomic.AtomicInteger answeredDown = new java.util.concurrent.atomic.AtomicInteger();
    /** A status answered to every delivery (e.g. 401 while the receiver expects a rotated secret); 0: none. */
    private volatile int refusing;
    /** Batches holding an event that matches are answered 400, as by a receiver that cannot take that event. */
    private volatile Predicate<JsonNode> refusedEvents;
    private final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
    private final ObjectMapper json = new ObjectMapper();

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ocsf", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                if (down.get()) {
                    answeredDown.incrementAndGet();
                    // A receiver in trouble is slow as well as failing: anything that waited for it would show
                    sleepQuietly(3_000);
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                if (refusing != 0) {
                    refused.incrementAndGet();
                    exchange.sendResponseHeaders(refusing, -1);
                    return;
                }
                String signature = exchange.getRequestHeaders().getFirst("X-ZT-Signature");
                if (!("sha256=" + hmac(body)).equals(signature)) {
                    badSignatures.add(String.valueOf(signature));
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                JsonNode batch = json.readTree(body);
                Predicate<JsonNode> bad = refusedEvents;
                if (bad != null && (batch.isArray() ? java.util.stream.StreamSupport.stream(batch.spliterator(), false)
                        .anyMatch(bad) : bad.test(batch))) {
                    byte[] reply = "{\"error\":\"unsupported event\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(400, reply.length);
                    exchange.getResponseBody().write(reply);
                    return;
                }
                if (batch.isArray()) {
                    batch.forEach(events::add);
                } else {
                    events.add(batch);
                }
                exchange.sendResponseHeaders(204, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** The receiver for this test run, started on first use; it lives as long as the test JVM. */
    static synchronized WebhookReceiver get() {
        if (instance == null) {
            try {
                instance = new WebhookReceiver();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> instance.server.stop(0)));
        }
        return instance;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ocsf";
    }

    void setDown(boolean value) {
        down.set(value);
    }

    /** Deliveries answered 503 so far while {@link #setDown down}. */
    int answeredDown() {
        return answeredDown.get();
    }

    /** Answers every delivery with {@code status} (0 takes them again), as a receiver refusing the pack would. */
    void setRefusing(int status) {
        refusing = status;
    }

    /** Answers 400 to every batch holding an event that matches (null: none). */
    void refuseEvents(Predicate<JsonNode> events) {
        refusedEvents = events;
    }

    /** Deliveries refused so far by {@link #setRefusing}. */
    int refused() {
        return refused.get();
    }

    List<String> badSignatures() {
        return List.copyOf(badSignatures);
    }

    /** Waits until events matching {@code filter} number at least {@code count}; returns them. */
    List<JsonNode> await(Predicate<JsonNode> filter, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> matching = matching(filter);
        while (matching.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            matching = matching(filter);
        }
        return matching;
    }

    List<JsonNode> matching(Predicate<JsonNode> filter) {
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode event : events) {
            if (filter.test(event)) {
                matching.add(event);
            }
        }
        return matching;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
