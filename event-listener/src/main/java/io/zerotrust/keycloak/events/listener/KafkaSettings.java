package io.zerotrust.keycloak.events.listener;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.zerotrust.keycloak.events.delivery.KafkaSink;
import io.zerotrust.keycloak.events.metrics.PipelineMetrics;
import io.zerotrust.keycloak.risk.net.IpAddress;
import io.zerotrust.keycloak.risk.spi.OptionReader;

import static io.zerotrust.keycloak.events.listener.ZeroTrustEventListenerFactory.*;

/**
 * The {@code kafka-*} options of {@code zt-events}, parsed and checked with {@link PipelineOptions}' {@link OptionReader}. A bad
 * number is reported and its default used; a topic Kafka cannot have, an unknown security protocol or a SASL
 * protocol without its JAAS configuration disables the sink (reported), rather than sending events elsewhere
 * or unprotected. The passwords and the JAAS configuration never appear in {@link #toString()}.
 */
record KafkaSettings(String bootstrapServers, String topic, String clientId, String securityProtocol,
                     String saslMechanism, String saslJaasConfig, String truststoreLocation, String truststorePassword,
                     String keystoreLocation, String keystorePassword, Duration deliveryTimeout, Duration maxBlock,
                     String compression) {

    static final String DEFAULT_TOPIC = "zt-events";
    static final String DEFAULT_CLIENT_ID = "zt-events";
    static final String DEFAULT_COMPRESSION = "lz4";
    /** The codecs the provider jar ships: lz4-java is shaded in, gzip is the JDK's; zstd and snappy are native code. */
    static final String[] COMPRESSIONS = {"lz4", "gzip", "none"};
    static final Set<String> SECURITY_PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    /** Kafka's own rule for topic names. */
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    /**
     * @param p the {@code zt-events} options, as {@link PipelineOptions#parse} reads them; what is wrong with them
     *          is reported there
     * @return the settings, or null when there is no Kafka sink (no bootstrap servers, or disabled by a problem)
     */
    static KafkaSettings parse(OptionReader p) {
        String servers = p.string(KAFKA_BOOTSTRAP_SERVERS);
        if (servers == null) {
            return null;
        }
        // at least a second: Kafka needs room in it for the linger and a request
        Duration deliveryTimeout = p.duration(KAFKA_DELIVERY_TIMEOUT_MS, 30_000, ChronoUnit.MILLIS, 1_000);
        Duration maxBlock = p.duration(KAFKA_MAX_BLOCK_MS, 5_000, ChronoUnit.MILLIS, 1);
        String topic = p.string(KAFKA_TOPIC, DEFAULT_TOPIC);
        String clientId = p.string(KAFKA_CLIENT_ID, DEFAULT_CLIENT_ID);
        String protocol = p.string(KAFKA_SECURITY_PROTOCOL, "PLAINTEXT").toUpperCase(Locale.ROOT);
        String jaas = p.string(KAFKA_SASL_JAAS_CONFIG);
        if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            p.problem("kafka disabled: " + KAFKA_TOPIC + " '" + topic + "' is not a valid Kafka topic name");
            return null;
        }
        if (!SECURITY_PROTOCOLS.contains(protocol)) {
            p.problem("kafka disabled: " + KAFKA_SECURITY_PROTOCOL + " '" + protocol + "' is not one of "
                    + "PLAINTEXT, SSL, SASL_SSL, SASL_PLAINTEXT");
            return null;
        }
        if (protocol.startsWith("SASL_") && jaas == null) {
            p.problem("kafka disabled: " + KAFKA_SECURITY_PROTOCOL + " " + protocol + " needs "
                    + KAFKA_SASL_JAAS_CONFIG);
            return null;
        }
        if (protocol.endsWith("PLAINTEXT") && !p.bool(KAFKA_ALLOW_PLAINTEXT, false)) {
            String remote = remoteServer(servers);
            if (remote != null) {
                // as the webhook wants https beyond loopback: no unencrypted events over the network by default
                p.problem("kafka disabled: " + KAFKA_SECURITY_PROTOCOL + " " + protocol + " to " + remote
                        + " would send events unencrypted; use SSL or SASL_SSL, or set " + KAFKA_ALLOW_PLAINTEXT + "=true");
                return null;
            }
        }
        return new KafkaSettings(servers, topic, clientId, protocol, p.string(KAFKA_SASL_MECHANISM), jaas,
                p.string(KAFKA_SSL_TRUSTSTORE_LOCATION), p.string(KAFKA_SSL_TRUSTSTORE_PASSWORD),
                p.string(KAFKA_SSL_KEYSTORE_LOCATION), p.string(KAFKA_SSL_KEYSTORE_PASSWORD),
                deliveryTimeout, maxBlock, p.choice(KAFKA_COMPRESSION, DEFAULT_COMPRESSION, COMPRESSIONS));
    }

    /** @return the first bootstrap server that is not on this host's loopback, or null */
    static String remoteServer(String servers) {
        for (String server : servers.split(",")) {
            String entry = server.trim();
            int colon = entry.lastIndexOf(':');
            String host = colon > 0 && !entry.endsWith("]") ? entry.substring(0, colon) : entry;
            if (!entry.isEmpty() && !IpAddress.isLoopbackHost(host)) {
                return entry;
            }
        }
        return null;
    }

    /** How long the producer waits for more records of a batch before it sends a request. */
    static final int LINGER_MS = 5;

    /**
     * The producer's configuration: idempotent with {@code acks=all}, so that a retry inside the client neither
     * loses nor duplicates nor reorders; compressed as configured; the request timeout
     * within the delivery timeout, as Kafka requires.
     */
    Map<String, Object> producerConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("client.id", clientId);
        config.put("acks", "all");
        config.put("enable.idempotence", true);
        config.put("max.in.flight.requests.per.connection", 5);
        config.put("compression.type", compression);
        // A drained batch is sent at once and awaited: Kafka's default 16 KiB per partition and request holds about
        // ten OCSF events, so a batch of 500 took dozens of requests, at most five in flight. With no linger the
        // first records of a batch also left in requests of their own while the rest were still being handed over
        config.put("linger.ms", LINGER_MS);
        config.put("batch.size", 256 * 1024);
        config.put("delivery.timeout.ms", (int) deliveryTimeout.toMillis());
        // Kafka refuses a producer whose delivery timeout is below linger plus request timeout
        config.put("request.timeout.ms", (int) Math.min(30_000, deliveryTimeout.toMillis() - LINGER_MS));
        config.put("max.block.ms", maxBlock.toMillis());
        config.put("security.protocol", securityProtocol);
        putIfSet(config, "sasl.mechanism", saslMechanism);
        putIfSet(config, "sasl.jaas.config", saslJaasConfig);
        putIfSet(config, "ssl.truststore.location", truststoreLocation);
        putIfSet(config, "ssl.truststore.password", truststorePassword);
        putIfSet(config, "ssl.keystore.location", keystoreLocation);
        putIfSet(config, "ssl.keystore.password", keystorePassword);
        putIfSet(config, "ssl.key.password", keystorePassword);
        return config;
    }

    KafkaSink sink() {
        // the producer's own timeouts end every record's wait; a little more lets their failures arrive first
        return new KafkaSink(topic, producerConfig(), deliveryTimeout.plus(maxBlock).plusSeconds(5));
    }

    /** What the admin view shows: {@code topic@bootstrap servers}. */
    String describe() {
        return topic + "@" + bootstrapServers;
    }

    @Override
    public String toString() {
        return "KafkaSettings[" + describe() + ", clientId=" + clientId + ", securityProtocol=" + securityProtocol
                + ", saslMechanism=" + saslMechanism + ", saslJaasConfig=" + hidden(saslJaasConfig)
                + ", truststore=" + truststoreLocation + ", truststorePassword=" + hidden(truststorePassword)
                + ", keystore=" + keystoreLocation + ", keystorePassword=" + hidden(keystorePassword)
                + ", deliveryTimeout=" + deliveryTimeout + ", maxBlock=" + maxBlock + ", compression=" + compression + "]";
    }

    private static String hidden(String secret) {
        return secret == null ? "none" : "[hidden]";
    }

    private static void putIfSet(Map<String, Object> config, String key, String value) {
        if (value != null) {
            config.put(key, value);
        }
    }
}
