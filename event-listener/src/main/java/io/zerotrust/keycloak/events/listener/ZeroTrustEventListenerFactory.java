package io.zerotrust.keycloak.events.listener;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;
import io.zerotrust.keycloak.events.anomaly.AnomalyScorerProvider;
import io.zerotrust.keycloak.events.anomaly.FindingActionExecutor;
import io.zerotrust.keycloak.events.delivery.DeliveryPipeline;
import io.zerotrust.keycloak.events.delivery.JsonLinesFileSink;
import io.zerotrust.keycloak.events.delivery.Spool;
import io.zerotrust.keycloak.events.delivery.SpooledSink;
import io.zerotrust.keycloak.events.delivery.WebhookSink;
import io.zerotrust.keycloak.events.feedback.RecentFindings;
import io.zerotrust.keycloak.events.feedback.VerdictAudit;
import io.zerotrust.keycloak.events.metrics.PipelineMetrics;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * The event listener {@code zt-events}: exports sign-in, token, credential and admin events as OCSF to a signed
 * webhook and/or a JSON-lines file, and scores them for anomalies. Not global: realms enable it (Realm settings,
 * Events, Event listeners). Options are server-wide ({@code --spi-events-listener--zt-events--<option>}).
 */
public class ZeroTrustEventListenerFactory implements EventListenerProviderFactory, ServerInfoAwareProviderFactory,
        VerdictAudit {

    public static final String PROVIDER_ID = "zt-events";

    /** Receiver URL; https, or http to loopback only. No URL, no webhook. */
    public static final String WEBHOOK_URL = "webhook-url";
    /** HMAC-SHA256 key for X-ZT-Signature; required with a URL (at least 16 characters). */
    public static final String WEBHOOK_SECRET = "webhook-secret";
    /** Most events per request (default 100). */
    public static final String WEBHOOK_BATCH_SIZE = "webhook-batch-size";
    /** How long a batch waits for more events after its first (default 200 ms). */
    public static final String WEBHOOK_LINGER_MS = "webhook-linger-ms";
    /** {@code json-array} (default) or {@code ndjson}. */
    public static final String WEBHOOK_FORMAT = "webhook-format";
    /** Default 2000. */
    public static final String CONNECT_TIMEOUT_MS = "connect-timeout-ms";
    /** Default 5000. */
    public static final String READ_TIMEOUT_MS = "read-timeout-ms";
    /** Retries per batch before it is spooled (default 3). */
    public static final String MAX_RETRIES = "max-retries";
    /** JSON-lines file to append to; none by default. */
    public static final String FILE_PATH = "file-path";
    /** {@code batch} (default: fsync every batch) or {@code none}. */
    public static final String FILE_FSYNC = "file-fsync";
    /** Kafka bootstrap servers ({@code host:port,...}). No value, no Kafka sink. */
    public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka-bootstrap-servers";
    /** Topic the Kafka sink produces to (default {@code zt-events}). */
    public static final String KAFKA_TOPIC = "kafka-topic";
    /** Kafka {@code client.id} (default {@code zt-events}). */
    public static final String KAFKA_CLIENT_ID = "kafka-client-id";
    /** {@code PLAINTEXT} (default), {@code SSL}, {@code SASL_SSL} or {@code SASL_PLAINTEXT}. */
    public static final String KAFKA_SECURITY_PROTOCOL = "kafka-security-protocol";
    /** SASL mechanism, e.g. {@code PLAIN}, {@code SCRAM-SHA-512} (Kafka's default: {@code GSSAPI}). */
    public static final String KAFKA_SASL_MECHANISM = "kafka-sasl-mechanism";
    /** Kafka {@code sasl.jaas.config}; required with a SASL protocol; a secret, never logged or shown. */
    public static final String KAFKA_SASL_JAAS_CONFIG = "kafka-sasl-jaas-config";
    /** Trust store for TLS to the brokers (default: the JVM's). */
    public static final String KAFKA_SSL_TRUSTSTORE_LOCATION = "kafka-ssl-truststore-location";
    /** Password of the trust store; never logged or shown. */
    public static final String KAFKA_SSL_TRUSTSTORE_PASSWORD = "kafka-ssl-truststore-password";
    /** Key store for TLS client authentication (mTLS). */
    public static final String KAFKA_SSL_KEYSTORE_LOCATION = "kafka-ssl-keystore-location";
    /** Password of the key store (and its key); never logged or shown. */
    public static final String KAFKA_SSL_KEYSTORE_PASSWORD = "kafka-ssl-keystore-password";
    /** How long a batch may take to be acknowledged by the brokers before it is spooled (default 30000). */
    public static final String KAFKA_DELIVERY_TIMEOUT_MS = "kafka-delivery-timeout-ms";
    /** How long a send may wait for the topic's metadata, e.g. while the brokers are down (default 5000). */
    public static final String KAFKA_MAX_BLOCK_MS = "kafka-max-block-ms";
    /** Spool directory (default {@code <kc home>/data/zt-events-spool}). */
    public static final String SPOOL_DIR = "spool-dir";
    /** Spool size limit per sink in MiB (default 100); beyond it the oldest segment is dropped. */
    public static final String SPOOL_MAX_MB = "spool-max-mb";
    /** Events waiting for the worker (default 10000); beyond it the oldest is dropped. */
    public static final String QUEUE_CAPACITY = "queue-capacity";
    /** Actions for LOW findings (default {@code emit}). */
    public static final String ACTION_LOW = "action-low";
    /** Actions for MEDIUM findings (default {@code step-up}). */
    public static final String ACTION_MEDIUM = "action-medium";
    /** Actions for HIGH findings (default {@code step-up,revoke-sessions}). */
    public static final String ACTION_HIGH = "action-high";
    /**
     * Whether {@code revoke-sessions} also ends the user's offline sessions (default {@code false}: a finding
     * about one session ends the user's browser sessions, not the long-lived tokens of their apps and devices).
     */
    public static final String REVOKE_OFFLINE_SESSIONS = "revoke-offline-sessions";
    /** How long a step-up mark applies (default 1440 minutes). */
    public static final String STEP_UP_TTL_MINUTES = "step-up-ttl-minutes";

    private static final Logger LOG = Logger.getLogger(ZeroTrustEventListenerFactory.class);
    private static final long REPLAY_INTERVAL_MILLIS = 5_000;

    private PipelineOptions options;
    private DeliveryPipeline<SecurityEvent> pipeline;
    private volatile List<SpooledSink> spooledSinks = List.of();

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        DeliveryPipeline<SecurityEvent> running = pipeline;
        Consumer<SecurityEvent> target = running == null ? e -> { } : running::offer;
        return new ZeroTrustEventListener(session, target);
    }

    @Override
    public void init(Config.Scope config) {
        options = PipelineOptions.parse(config::get);
        options.problems().forEach(p -> LOG.errorf("%s: %s", PROVIDER_ID, p));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        PipelineMetrics metrics = PipelineMetrics.global();
        List<SpooledSink> sinks = new ArrayList<>();
        try {
            if (options.webhook() != null) {
                sinks.add(spooled(new WebhookSink(options.webhook(), metrics), metrics));
            }
            if (options.file() != null) {
                sinks.add(spooled(new JsonLinesFileSink(options.file(), options.fsync()), metrics));
            }
            if (options.kafka() != null) {
                sinks.add(spooled(options.kafka().sink(metrics), metrics));
            }
        } catch (IOException e) {
            // fail secure and loud: no silent half-configured export
            LOG.errorf(e, "%s: cannot open the spool in %s; event export is OFF", PROVIDER_ID, options.spoolDir());
            sinks.forEach(SpooledSink::close);
            return;
        }
        if (sinks.isEmpty()) {
            LOG.infof("%s: no %s or %s configured; events are scored but not exported", PROVIDER_ID, WEBHOOK_URL,
                    FILE_PATH);
        }
        spooledSinks = List.copyOf(sinks);
        FindingActionExecutor actions = new FindingActionExecutor(factory, options.actions(), options.stepUpTtl(),
                options.revokeOfflineSessions(), Clock.systemUTC());
        EventBatchProcessor processor = new EventBatchProcessor(scorer(factory, metrics), finding -> {
            RecentFindings.node().add(finding);
            actions.execute(finding);
        });
        pipeline = new DeliveryPipeline<>(options.queueCapacity(), options.batchSize(), options.lingerMillis(),
                REPLAY_INTERVAL_MILLIS, processor, sinks, metrics);
        pipeline.start();
    }

    /** Exports an analyst's verdict with the events (see {@link VerdictAudit}). */
    @Override
    public void audit(SecurityEvent verdict) {
        DeliveryPipeline<SecurityEvent> running = pipeline;
        if (running != null) {
            running.offer(verdict);
        }
    }

    private SpooledSink spooled(io.zerotrust.keycloak.events.delivery.EventSink sink, PipelineMetrics metrics)
            throws IOException {
        Spool spool = new Spool(options.spoolDir().resolve(sink.name()), options.spoolMaxBytes(),
                n -> metrics.dropped("spool_full", n));
        return new SpooledSink(sink, spool, metrics, options.batchSize());
    }

    /** Scores a batch on the worker thread, in a session of its own (no transaction: the scorer reads memory). */
    private static BiConsumer<List<SecurityEvent>, Consumer<AnomalyFinding>> scorer(KeycloakSessionFactory factory,
                                                                                  PipelineMetrics metrics) {
        return (batch, findings) -> {
            try (KeycloakSession session = factory.create()) {
                AnomalyScorerProvider scorer = session.getProvider(AnomalyScorerProvider.class);
                if (scorer == null) {
                    return;
                }
                for (SecurityEvent event : batch) {
                    long start = System.nanoTime();
                    scorer.observe(event, findings);
                    metrics.scored(System.nanoTime() - start);
                }
            }
        };
    }

    @Override
    public boolean isGlobal() {
        return false;
    }

    @Override
    public void close() {
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("sinks", spooledSinks.isEmpty() ? "none"
                : String.join(", ", spooledSinks.stream().map(SpooledSink::name).toList()));
        info.put("webhook", options == null || options.webhook() == null ? "off" : options.webhook().url().toString());
        info.put("file", options == null || options.file() == null ? "off" : options.file().toString());
        info.put("kafka", options == null || options.kafka() == null ? "off" : options.kafka().describe());
        info.put("spool-dir", options == null ? "" : options.spoolDir().toString());
        info.put("queued", pipeline == null ? "0" : Integer.toString(pipeline.queued()));
        PipelineMetrics metrics = PipelineMetrics.global();
        for (SpooledSink sink : spooledSinks) {
            // The backlog is what waits in the sink's spool for a retry: events Keycloak committed, not yet delivered
            info.put(sink.name() + "-backlog", Integer.toString(sink.spool().events()));
            info.put(sink.name() + "-delivered", Long.toString((long) metrics.count(PipelineMetrics.DELIVERED, "sink", sink.name())));
            info.put(sink.name() + "-retried", Long.toString((long) metrics.count(PipelineMetrics.RETRIED, "sink", sink.name())));
        }
        if (options != null && !options.problems().isEmpty()) {
            info.put("problems", String.join("; ", options.problems()));
        }
        return info;
    }
}
