package io.zerotrust.keycloak.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.events.delivery.DeliveryException;
import io.zerotrust.keycloak.events.delivery.WebhookSettings;
import io.zerotrust.keycloak.events.delivery.WebhookSignature;
import io.zerotrust.keycloak.events.delivery.WebhookSink;
import io.zerotrust.keycloak.events.metrics.PipelineMetrics;
import io.zerotrust.keycloak.events.ocsf.OcsfJson;
import io.zerotrust.keycloak.events.ocsf.OcsfMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second the real {@link WebhookSink} delivers in batches of 100 (the default batch size; target: over
 * 10k events/s), one batch at a time as the event worker sends them: JSON array body built from 100
 * pre-serialized OCSF records, HMAC-SHA256 signed, POSTed with the JDK HttpClient to a receiver on loopback
 * ({@code com.sun.net.httpserver} on 127.0.0.1, an ephemeral port) that reads the whole body and answers 204.
 * The receiver checks the {@code X-ZT-Signature} of the first batch (sent in set-up, which fails if it is
 * wrong) and counts the events it received.
 *
 * <p>Loopback only: no TLS, no network latency, and the receiver runs in the same JVM and on the same cores as
 * the sender, so this is the sink's own ceiling, not what a remote SIEM would accept. Mapping and scoring are
 * not included (records are serialized once in set-up).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WebhookThroughputBenchmark {

    private static final int BATCH = 100;
    private static final String SECRET = "bench-webhook-secret-0123456789";

    private HttpServer receiver;
    private WebhookSink sink;
    private List<OcsfJson> records;
    private final AtomicLong receivedBatches = new AtomicLong();
    private volatile Boolean firstSignatureValid;

    @Setup(Level.Trial)
    public void setUp() throws DeliveryException, IOException {
        WebhookSignature verifier = new WebhookSignature(SECRET);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        receiver.createContext("/events", exchange -> receive(exchange, verifier));
        receiver.start();
        URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/events");
        if (WebhookSettings.problem(url, SECRET) != null) {
            throw new IllegalStateException(WebhookSettings.problem(url, SECRET));
        }
        WebhookSettings settings = new WebhookSettings(url, SECRET, WebhookSettings.BodyFormat.JSON_ARRAY,
                Duration.ofSeconds(5), Duration.ofSeconds(10), 0, Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        sink = new WebhookSink(settings, new PipelineMetrics(new SimpleMeterRegistry()));
        records = serialized();

        sink.send(records);
        if (!Boolean.TRUE.equals(firstSignatureValid)) {
            receiver.stop(0);
            throw new IllegalStateException("The receiver could not verify the first batch's X-ZT-Signature");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        receiver.stop(0);
        System.out.printf("%n[Webhook] receiver took %d batches of %d events%n", receivedBatches.get(), BATCH);
    }

    /** Sends one batch of 100 events; throws (failing the run) if the receiver did not take it. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void sendBatch() throws DeliveryException {
        sink.send(records);
    }

    private void receive(HttpExchange exchange, WebhookSignature verifier) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (firstSignatureValid == null) {
                firstSignatureValid = verifier.verify(body,
                        exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER));
            }
        }
        receivedBatches.incrementAndGet();
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    /** 100 OCSF records as the mapper writes them: sign-ins, failures, refreshes and logouts of 100 users. */
    private static List<OcsfJson> serialized() {
        OcsfMapper mapper = new OcsfMapper();
        String[] types = {"LOGIN", "LOGIN", "LOGIN", "REFRESH_TOKEN", "REFRESH_TOKEN", "LOGIN_ERROR", "LOGOUT",
                "CODE_TO_TOKEN"};
        List<OcsfJson> out = new ArrayList<>(BATCH);
        long time = System.currentTimeMillis();
        for (int i = 0; out.size() < BATCH; i++) {
            String type = types[i % types.length];
            SecurityEvent event = SecurityEvent.builder().id("6f1c2d3e-4a5b-4c6d-8e7f-" + String.format("%012d", i))
                    .time(time + i).realmId("0b1c7e8a-5d2f-4a61-9f0e-3c8d7b6a5e41").realmName("corp")
                    .origin(SecurityEvent.Origin.USER).type(type)
                    .error("LOGIN_ERROR".equals(type) ? "invalid_user_credentials" : null)
                    .userId("8e2a4c6b-1f3d-4e5a-9b7c-" + String.format("%012d", i)).username("user" + i)
                    .clientId("account-console").sessionId("c3d4e5f6-a7b8-4c9d-8e0f-" + String.format("%012d", i))
                    .ip("198.51.100." + (i % 250 + 1)).details(Map.of("auth_method", "openid-connect",
                            "redirect_uri", "https://sso.example.com/realms/corp/account/"))
                    .country("FR").city("Lyon").asn(64500L).asOrganization("Example Telecom")
                    .deviceIdHash("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                    .userAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0")
                    .risk("LOGIN".equals(type) ? new SecurityEvent.Risk(12, "LOW", List.of()) : null)
                    .build();
            mapper.map(event).ifPresent(out::add);
        }
        return List.copyOf(out);
    }
}
