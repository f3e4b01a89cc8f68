package io.zerotrust.keycloak.events.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.zerotrust.keycloak.risk.spi.OptionReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static io.zerotrust.keycloak.events.listener.ZeroTrustEventListenerFactory.*;
import static org.assertj.core.api.Assertions.assertThat;

class KafkaSettingsTest {

    private final List<String> problems = new ArrayList<>();

    /** Parses as {@link PipelineOptions#parse} does, adding what is wrong to {@code found}. */
    private static KafkaSettings parse(Function<String, String> options, List<String> found) {
        OptionReader reader = OptionReader.collecting(PROVIDER_ID, options);
        KafkaSettings settings = KafkaSettings.parse(reader);
        found.addAll(reader.problems());
        return settings;
    }

    @Test
    void noBootstrapServersNoKafkaSink() {
        assertThat(parse(Map.<String, String>of()::get, problems)).isNull();
        assertThat(parse(Map.of(KAFKA_BOOTSTRAP_SERVERS, " ")::get, problems)).isNull();
        assertThat(PipelineOptions.parse(Map.<String, String>of()::get).kafka()).isNull();
        assertThat(problems).isEmpty();
    }

    @Test
    void defaultsAreAnIdempotentPlaintextProducerWithBoundedWaits() {
        KafkaSettings settings = parse(Map.of(KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:9092,localhost:9093")::get, problems);

        assertThat(problems).isEmpty();
        assertThat(settings.topic()).isEqualTo("zt-events");
        assertThat(settings.describe()).isEqualTo("zt-events@127.0.0.1:9092,localhost:9093");
        assertThat(settings.deliveryTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxBlock()).isEqualTo(Duration.ofSeconds(5));
        Map<String, Object> config = settings.producerConfig();
        assertThat(config).containsEntry("bootstrap.servers", "127.0.0.1:9092,localhost:9093").containsEntry("client.id", "zt-events")
                .containsEntry("acks", "all").containsEntry("enable.idempotence", true)
                .containsEntry("compression.type", "lz4").containsEntry("security.protocol", "PLAINTEXT")
                .containsEntry("delivery.timeout.ms", 30_000).containsEntry("request.timeout.ms", 29_995)
                .containsEntry("max.block.ms", 5_000L)
                .doesNotContainKeys("sasl.jaas.config", "sasl.mechanism", "ssl.truststore.location");
    }

    @Test
    void kafkasOwnClientAcceptsTheProducerConfigurationAtTheShortestDeliveryTimeout() {
        // Kafka checks the settings against each other only when a producer is made: a refused one sent nothing
        KafkaSettings shortest = parse(Map.of(KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:9", KAFKA_DELIVERY_TIMEOUT_MS, "1")::get,
                problems);
        assertThat(problems).singleElement().asString().contains(KAFKA_DELIVERY_TIMEOUT_MS);
        for (KafkaSettings settings : List.of(shortest,
                parse(Map.of(KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:9")::get, new ArrayList<>()))) {
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings.producerConfig(),
                    new StringSerializer(), new ByteArraySerializer())) {
                assertThat(producer.metrics()).isNotEmpty();
            }
        }
    }

    @Test
    void plaintextBeyondLoopbackNeedsTheAdminsSay() {
        assertThat(parse(Map.of(KAFKA_BOOTSTRAP_SERVERS, "[::1]:9092,kafka.example.com:9092")::get, problems)).isNull();
        assertThat(problems).singleElement().asString().contains("kafka disabled").contains("kafka.example.com:9092")
                .contains(KAFKA_ALLOW_PLAINTEXT);
        problems.clear();
        assertThat(parse(Map.of(KAFKA_BOOTSTRAP_SERVERS, "10.0.0.5:9092", KAFKA_SECURITY_PROTOCOL, "SASL_PLAINTEXT",
                KAFKA_SASL_JAAS_CONFIG, "x required;")::get, problems)).isNull();
        problems.clear();
        assertThat(parse(Map.of(KAFKA_BOOTSTRAP_SERVERS, "kafka.example.com:9092", KAFKA_ALLOW_PLAINTEXT, "true")::get,
                problems)).isNotNull();
        assertThat(parse(Map.of(KAFKA_BOOTSTRAP_SERVERS, "kafka.example.com:9093", KAFKA_SECURITY_PROTOCOL, "SSL")::get,
                problems)).isNotNull();
        assertThat(problems).isEmpty();
    }

    @Test
    void tlsAndSaslOptionsReachTheProducer() {
        Map<String, String> options = new HashMap<>();
        options.put(KAFKA_BOOTSTRAP_SERVERS, "k1:9093");
        options.put(KAFKA_TOPIC, "soc.keycloak");
        options.put(KAFKA_CLIENT_ID, "kc-node-1");
        options.put(KAFKA_SECURITY_PROTOCOL, "sasl_ssl");
        options.put(KAFKA_SASL_MECHANISM, "SCRAM-SHA-512");
        options.put(KAFKA_SASL_JAAS_CONFIG, JAAS);
        options.put(KAFKA_SSL_TRUSTSTORE_LOCATION, "/etc/kc/kafka-trust.p12");
        options.put(KAFKA_SSL_TRUSTSTORE_PASSWORD, "trust-s3cret");
        options.put(KAFKA_SSL_KEYSTORE_LOCATION, "/etc/kc/kafka-client.p12");
        options.put(KAFKA_SSL_KEYSTORE_PASSWORD, "key-s3cret");
        options.put(KAFKA_DELIVERY_TIMEOUT_MS, "10000");
        options.put(KAFKA_MAX_BLOCK_MS, "2000");

        KafkaSettings settings = parse(options::get, problems);

        assertThat(problems).isEmpty();
        assertThat(settings.producerConfig()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.truststore.location", "/etc/kc/kafka-trust.p12")
                .containsEntry("ssl.truststore.password", "trust-s3cret")
                .containsEntry("ssl.keystore.location", "/etc/kc/kafka-client.p12")
                .containsEntry("ssl.keystore.password", "key-s3cret")
                .containsEntry("client.id", "kc-node-1").containsEntry("delivery.timeout.ms", 10_000)
                .containsEntry("request.timeout.ms", 9_995).containsEntry("max.block.ms", 2_000L);
        assertThat(settings.describe()).isEqualTo("soc.keycloak@k1:9093");
    }

    @Test
    void secretsNeverAppearInTheTextOrTheAdminView() {
        Map<String, String> options = Map.of(KAFKA_BOOTSTRAP_SERVERS, "k1:9093", KAFKA_SECURITY_PROTOCOL, "SASL_SSL",
                KAFKA_SASL_JAAS_CONFIG, JAAS, KAFKA_SSL_TRUSTSTORE_PASSWORD, "trust-s3cret",
                KAFKA_SSL_KEYSTORE_PASSWORD, "key-s3cret");

        KafkaSettings settings = parse(options::get, problems);
        PipelineOptions pipeline = PipelineOptions.parse(options::get);

        for (String text : List.of(settings.toString(), settings.describe(), pipeline.toString())) {
            assertThat(text).doesNotContain("zt-pw-42", "trust-s3cret", "key-s3cret", "ScramLoginModule");
        }
        assertThat(settings.toString()).contains("[hidden]");
    }

    @Test
    void badNumbersAreReportedAndTheirDefaultsUsed() {
        KafkaSettings settings = parse(Map.of(KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:9092",
                KAFKA_DELIVERY_TIMEOUT_MS, "soon", KAFKA_MAX_BLOCK_MS, "0")::get, problems);

        assertThat(settings.deliveryTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxBlock()).isEqualTo(Duration.ofSeconds(5));
        assertThat(problems).containsExactly(
                "option " + KAFKA_DELIVERY_TIMEOUT_MS + "='soon' is invalid (expected a whole number of at least 1000); using the default '30000'",
                "option " + KAFKA_MAX_BLOCK_MS + "='0' is invalid (expected a whole number of at least 1); using the default '5000'");
    }

    @Test
    void compressionIsOneOfTheShippedCodecsAndAnotherOneIsReportedAndLz4Used() {
        assertThat(parse(Map.of(KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:9092", KAFKA_COMPRESSION, "GZIP")::get, problems)
                .producerConfig()).containsEntry("compression.type", "gzip");
        assertThat(parse(Map.of(KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:9092", KAFKA_COMPRESSION, "none")::get, problems)
                .producerConfig()).containsEntry("compression.type", "none");
        assertThat(problems).isEmpty();

        // zstd and snappy are native code the provider jar does not ship: the producer would fail at its first batch
        KafkaSettings zstd = parse(Map.of(KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:9092", KAFKA_COMPRESSION, "zstd")::get, problems);

        assertThat(zstd.producerConfig()).containsEntry("compression.type", "lz4");
        assertThat(zstd.toString()).contains("compression=lz4");
        assertThat(problems).containsExactly("option " + KAFKA_COMPRESSION
                + "='zstd' is invalid (expected one of lz4, gzip, none); using the default 'lz4'");
    }

    @Test
    void whatWouldSendEventsElsewhereOrUnprotectedDisablesTheSink() {
        assertThat(disabled(Map.of(KAFKA_BOOTSTRAP_SERVERS, "k1:9092", KAFKA_TOPIC, "zt events")))
                .contains("kafka disabled").contains(KAFKA_TOPIC);
        assertThat(disabled(Map.of(KAFKA_BOOTSTRAP_SERVERS, "k1:9092", KAFKA_SECURITY_PROTOCOL, "TLS")))
                .contains("kafka disabled").contains(KAFKA_SECURITY_PROTOCOL);
        assertThat(disabled(Map.of(KAFKA_BOOTSTRAP_SERVERS, "k1:9092", KAFKA_SECURITY_PROTOCOL, "SASL_SSL")))
                .contains("kafka disabled").contains(KAFKA_SASL_JAAS_CONFIG);
        // and the pipeline's own options report it, for the start-up log and the admin view
        PipelineOptions pipeline = PipelineOptions.parse(Map.of(KAFKA_BOOTSTRAP_SERVERS, "k1:9092",
                KAFKA_SECURITY_PROTOCOL, "TLS")::get);
        assertThat(pipeline.kafka()).isNull();
        assertThat(pipeline.problems()).anyMatch(p -> p.startsWith("kafka disabled"));
    }

    private String disabled(Map<String, String> options) {
        List<String> found = new ArrayList<>();
        assertThat(parse(options::get, found)).isNull();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"keycloak\" password=\"zt-pw-42\";";
}
