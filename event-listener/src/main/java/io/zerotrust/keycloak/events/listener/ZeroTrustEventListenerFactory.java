package io.zerotrust.keycloak.events.listener;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.zerotrust.keycloak.events.AuditTrail;
import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;
import io.zerotrust.keycloak.events.anomaly.AnomalyScorerProvider;
import io.zerotrust.keycloak.events.anomaly.FindingActionExecutor;
import io.zerotrust.keycloak.events.delivery.EventSink;
import io.zerotrust.keycloak.events.delivery.JsonLinesFileSink;
import io.zerotrust.keycloak.events.delivery.WebhookSink;
import io.zerotrust.keycloak.events.feedback.StoredFindings;
import io.zerotrust.keycloak.events.metrics.PipelineMetrics;
import io.zerotrust.keycloak.events.outbox.Outbox;
import io.zerotrust.keycloak.events.outbox.OutboxConsumer;
import io.zerotrust.keycloak.events.outbox.OutboxDrainer;
import io.zerotrust.keycloak.events.outbox.OutboxStore;
import io.zerotrust.keycloak.events.outbox.SinkHandler;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.timer.TimerProvider;

/**
 * The event listener {@code zt-events}: writes sign-in, token, credential and admin events to an outbox table in
 * the request's transaction, from which the anomaly scorer and each sink (a signed webhook, a JSON-lines file) take
 * them on workers of their own ({@link OutboxDrainer}). Kafka is a third sink. Not global: realms enable it (Realm settings,
 * Events, Event listeners). Options are server-wide ({@code --spi-events-listener--zt-events--<option>}).
 */
public class ZeroTrustEventListenerFactory implements EventListenerProviderFactory, ServerInfoAwareProviderFactory,
        AuditTrail {

    public static final String PROVIDER_ID = "zt-events";

    /** Receiver URL; https, or http to loopback only. No URL, no webhook. */
    public static final String WEBHOOK_URL = "webhook-url";
    /** HMAC-SHA256 key for X-ZT-Signature; required with a URL (at least 16 characters). */
    public static final String WEBHOOK_SECRET = "webhook-secret";
    /** Most records per batch a consumer takes from the outbox: per webhook request, file write. */
    public static final String BATCH_SIZE = "batch-size";
    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final int MAX_BATCH_SIZE = 1000;
    /** {@code json-array} (default) or {@code ndjson}. */
    public static final String WEBHOOK_FORMAT = "webhook-format";
    /** Default 2000. */
    public static final String CONNECT_TIMEOUT_MS = "connect-timeout-ms";
    /** Default 5000. */
    public static final String READ_TIMEOUT_MS = "read-timeout-ms";
    /** Retries per batch before it is left in the outbox for a later round (default 3). */
    public static final String MAX_RETRIES = "max-retries";
    /** JSON-lines file to append to; none by default. */
    public static final String FILE_PATH = "file-path";
    /** {@code batch} (default: fsync every batch) or {@code none}. */
    public static final String FILE_FSYNC = "file-fsync";
    /** How often an idle consumer looks for new records in the outbox (default 200 ms). */
    public static final String OUTBOX_POLL_MS = "outbox-poll-ms";
    /**
     * How long a node's hold on a consumer lasts without renewal (default 30 s): after a node dies, another takes its
     * consumers over within this time.
     */
    public static final String OUTBOX_LEASE_SECONDS = "outbox-lease-seconds";
    /** Records older than this leave the outbox, delivered or not, counted and logged (default 168 hours). */
    public static final String OUTBOX_MAX_AGE_HOURS = "outbox-max-age-hours";
    /**
     * How often each node deletes the outbox records past {@link #OUTBOX_MAX_AGE_HOURS} and the findings past their
     * age (default 3600 seconds).
     */
    public static final String EXPIRY_INTERVAL_SECONDS = "expiry-interval-seconds";
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
    /** How long a batch may take to be acknowledged by the brokers before it stays in the outbox for a later round (default 30000). */
    public static final String KAFKA_DELIVERY_TIMEOUT_MS = "kafka-delivery-timeout-ms";
    /** How long a send may wait for the topic's metadata, e.g. while the brokers are down (default 5000). */
    public static final String KAFKA_MAX_BLOCK_MS = "kafka-max-block-ms";
    /** The producer's {@code compression.type}: {@code lz4} (default), {@code gzip} or {@code none}. */
    public static final String KAFKA_COMPRESSION = "kafka-compression";
    /**
     * Whether {@code PLAINTEXT} / {@code SASL_PLAINTEXT} may reach brokers other than loopback ones (default
     * {@code false}: events hold user names and addresses, and leave the host encrypted unless an admin says so).
     */
    public static final String KAFKA_ALLOW_PLAINTEXT = "kafka-allow-plaintext";
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

    private PipelineOptions options;
    private volatile Outbox outbox;
    private volatile List<OutboxDrainer> drainers = List.of();
    private volatile List<EventSink> sinks = List.of();
    private KeycloakSessionFactory sessionFactory;
    private final String node = nodeName();

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new ZeroTrustEventListener(session, outbox);
    }

    @Override
    public void init(Config.Scope config) {
        options = PipelineOptions.parse(config::get);
        options.problems().forEach(p -> LOG.errorf("%s: %s", PROVIDER_ID, p));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        sessionFactory = factory;
        PipelineMetrics metrics = PipelineMetrics.global();
        List<EventSink> configured = new ArrayList<>();
        if (options.webhook() != null) {
            configured.add(new WebhookSink(options.webhook(), metrics));
        }
        if (options.file() != null) {
            configured.add(new JsonLinesFileSink(options.file(), options.fsync()));
        }
        if (options.kafka() != null) {
            configured.add(options.kafka().sink());
        }
        if (configured.isEmpty()) {
            LOG.infof("%s: no %s, %s or %s configured; events are scored but not exported", PROVIDER_ID, WEBHOOK_URL,
                    FILE_PATH, KAFKA_BOOTSTRAP_SERVERS);
        }
        EnumSet<OutboxConsumer> sinkConsumers = EnumSet.noneOf(OutboxConsumer.class);
        configured.forEach(sink -> sinkConsumers.add(OutboxConsumer.sink(sink.name())));
        Outbox box = new Outbox(sinkConsumers);
        FindingActionExecutor actions = new FindingActionExecutor(factory, options.actions(), options.stepUpTtl(),
                options.revokeOfflineSessions(), Clock.systemUTC());
        List<OutboxDrainer> started = new ArrayList<>();
        started.add(new OutboxDrainer(factory, OutboxConsumer.SCORER, new ScorerHandler(scorer(metrics), box,
                (session, finding) -> new StoredFindings(session).add(finding), actions::execute), options.drain(),
                node, metrics));
        for (EventSink sink : configured) {
            started.add(new OutboxDrainer(factory, OutboxConsumer.sink(sink.name()), new SinkHandler(sink, metrics),
                    options.drain(), node, metrics));
        }
        sinks = List.copyOf(configured);
        outbox = box;
        drainers = List.copyOf(started);
        started.forEach(OutboxDrainer::start);
        for (OutboxDrainer drainer : started) {
            metrics.backlog(drainer.consumer().id(), () -> KeycloakModelUtils.runJobInTransactionWithResult(factory,
                    s -> new OutboxStore(s).backlog(drainer.consumer())));
            metrics.failing(drainer.consumer().id(), () -> drainer.state().startsWith(OutboxDrainer.FAILING) ? 1 : 0);
        }
        scheduleExpiry(factory, metrics);
    }

    /** Every node runs it: a delete of old outbox rows and findings is the same wherever it runs. */
    private void scheduleExpiry(KeycloakSessionFactory factory, PipelineMetrics metrics) {
        long maxAgeMicros = options.outboxMaxAge().toMillis() * 1000;
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                .scheduleTask(s -> {
                    int expired = new OutboxStore(s).expire(System.currentTimeMillis() * 1000 - maxAgeMicros);
                    if (expired > 0) {
                        LOG.warnf("%s: %d records older than %s left the outbox undelivered", PROVIDER_ID, expired,
                                options.outboxMaxAge());
                        metrics.dropped("outbox_expired", expired);
                    }
                    new StoredFindings(s).expire(System.currentTimeMillis() - StoredFindings.MAX_AGE.toMillis());
                }, options.expiryInterval().toMillis(), "zt-outbox-expiry"));
    }

    /** Exports the pack's audit records with the events. */
    @Override
    public void record(KeycloakSession session, SecurityEvent event) {
        Outbox box = outbox;
        if (box != null) {
            box.append(session, event);
        }
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            host = "node";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Scores a batch on the scorer's worker, in the session whose transaction marks it scored. */
    private static ScorerHandler.Scoring scorer(PipelineMetrics metrics) {
        return (session, batch, findings) -> {
            AnomalyScorerProvider scorer = session.getProvider(AnomalyScorerProvider.class);
            if (scorer == null) {
                return;
            }
            for (SecurityEvent event : batch) {
                long start = System.nanoTime();
                scorer.observe(event, findings);
                metrics.scored(System.nanoTime() - start);
            }
        };
    }

    @Override
    public boolean isGlobal() {
        return false;
    }

    @Override
    public void close() {
        drainers.forEach(OutboxDrainer::close);
        drainers = List.of();
        sinks.forEach(EventSink::close);
        sinks = List.of();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("sinks", sinks.isEmpty() ? "none" : String.join(", ", sinks.stream().map(EventSink::name).toList()));
        info.put("webhook", options == null || options.webhook() == null ? "off" : options.webhook().url().toString());
        info.put("file", options == null || options.file() == null ? "off" : options.file().toString());
        info.put("node", node);
        info.put("kafka", options == null || options.kafka() == null ? "off" : options.kafka().describe());
        PipelineMetrics metrics = PipelineMetrics.global();
        Map<OutboxConsumer, Long> backlog = new EnumMap<>(OutboxConsumer.class);
        Map<OutboxConsumer, String> holders = new EnumMap<>(OutboxConsumer.class);
        if (sessionFactory != null) {
            try {
                KeycloakModelUtils.runJobInTransaction(sessionFactory, s -> {
                    OutboxStore store = new OutboxStore(s);
                    long now = System.currentTimeMillis();
                    for (OutboxDrainer drainer : drainers) {
                        backlog.put(drainer.consumer(), store.backlog(drainer.consumer()));
                        holders.put(drainer.consumer(), store.leaseholder(drainer.consumer(), now));
                    }
                });
            } catch (RuntimeException e) {
                info.put("outbox", "unreadable: " + e.getMessage());
            }
        }
        for (OutboxDrainer drainer : drainers) {
            String name = drainer.consumer().id();
            // The backlog is what waits in the outbox for this consumer: events Keycloak committed, not yet taken
            info.put(name + "-backlog", String.valueOf(backlog.getOrDefault(drainer.consumer(), -1L)));
            info.put(name + "-state", drainer.state());
            info.put(name + "-drained-by", String.valueOf(holders.get(drainer.consumer())));
            if (drainer.consumer() != OutboxConsumer.SCORER) {
                info.put(name + "-delivered", Long.toString((long) metrics.count(PipelineMetrics.DELIVERED, "sink", name)));
                info.put(name + "-retried", Long.toString((long) metrics.count(PipelineMetrics.RETRIED, "sink", name)));
                info.put(name + "-dead-letters", Long.toString((long) metrics.count(PipelineMetrics.DROPPED, "reason",
                        "dead_letter_" + name)));
            }
        }
        if (options != null && !options.problems().isEmpty()) {
            info.put("problems", String.join("; ", options.problems()));
        }
        return info;
    }
}
