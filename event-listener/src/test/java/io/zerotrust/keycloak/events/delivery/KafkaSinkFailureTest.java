package io.zerotrust.keycloak.events.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the Kafka sink treats the client's answers, with Kafka's own MockProducer in place of brokers (the real
 * broker is in the integration tests' KafkaSinkTest).
 */
class KafkaSinkFailureTest {

    private final List<Refusing> producers = new ArrayList<>();

    /** Acknowledges every record except those whose value contains {@code refuse}, which fail with {@code error}. */
    private final class Refusing extends MockProducer<String, byte[]> {
        final RuntimeException error;

        Refusing(RuntimeException error) {
            super(true, null, new StringSerializer(), new ByteArraySerializer());
            this.error = error;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
            if (new String(record.value(), StandardCharsets.UTF_8).contains("refuse")) {
                return CompletableFuture.failedFuture(error);
            }
            return super.send(record, callback);
        }
    }

    private KafkaSink sink(RuntimeException error) {
        return new KafkaSink("zt-events", () -> {
            Refusing producer = new Refusing(error);
            producers.add(producer);
            return producer;
        }, Duration.ofSeconds(5));
    }

    @Test
    void allRecordsAcknowledgedIsDelivered() throws Exception {
        KafkaSink sink = sink(null);

        sink.send(OcsfRecords.of(event("a"), event("b")));

        assertThat(sink.name()).isEqualTo("kafka");
        assertThat(producers.get(0).history()).extracting(ProducerRecord::key).containsExactly("r1:a", "r1:b");
    }

    @Test
    void aRecordTooLargeIsRejectedAndTheRestGoesOn() throws Exception {
        KafkaSink sink = sink(new RecordTooLargeException("too large"));

        List<EventSink.Rejected> rejected = sink.send(OcsfRecords.of(event("a"), event("refuse"), event("c")));

        assertThat(producers.get(0).history()).extracting(ProducerRecord::key).containsExactly("r1:a", "r1:c");
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.index()).isEqualTo(1);
            assertThat(r.answer()).contains("too large");
        });
    }

    @Test
    void unreachableBrokersFailTheBatchTransientlyAtOnceAndTheClientIsKept() throws Exception {
        KafkaSink sink = sink(new TimeoutException("Topic zt-events not present in metadata after 5000 ms"));

        assertThatThrownBy(() -> sink.send(OcsfRecords.of(event("refuse"), event("b"))))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("zt-events");
        assertThat(producers.get(0).history()).as("no more sends once the brokers are known unreachable").isEmpty();

        sink.send(OcsfRecords.of(event("b")));
        assertThat(producers).as("the client reconnects by itself").hasSize(1);
        assertThat(producers.get(0).history()).extracting(ProducerRecord::key).containsExactly("r1:b");
    }

    @Test
    void anyOtherFailureFailsTheBatchTransientlyAndTheNextBatchGetsANewClient() throws Exception {
        KafkaSink sink = sink(new TopicAuthorizationException(java.util.Set.of("zt-events")));

        assertThatThrownBy(() -> sink.send(OcsfRecords.of(event("a"), event("refuse"))))
                .isInstanceOf(DeliveryException.class);
        assertThat(producers.get(0).closed()).isTrue();

        sink.send(OcsfRecords.of(event("b")));
        assertThat(producers).hasSize(2);
        assertThat(producers.get(1).history()).extracting(ProducerRecord::key).containsExactly("r1:b");
    }

    @Test
    void anUnacknowledgedRecordFailsTheBatchWithinTheBound() {
        MockProducer<String, byte[]> silent = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        KafkaSink sink = new KafkaSink("zt-events", () -> silent, Duration.ofMillis(200));

        assertThatThrownBy(() -> sink.send(OcsfRecords.of(event("a"))))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.reason()).isEqualTo("kafka_timeout"));
    }

    @Test
    void aClientThatCannotBeMadeFailsTransientlyNotTheCaller() {
        KafkaSink sink = new KafkaSink("zt-events", () -> {
            throw new KafkaException("No resolvable bootstrap urls given in bootstrap.servers");
        }, Duration.ofSeconds(1));

        assertThatThrownBy(() -> sink.send(OcsfRecords.of(event("a"))))
                .isInstanceOf(DeliveryException.class);
    }

    @Test
    void aProducerTheClientRefusesIsLoggedAsAnErrorOncePerCause() throws Exception {
        List<LogRecord> errors = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(KafkaSink.class.getName());
        log.addHandler(capture);
        try {
            List<RuntimeException> causes = new ArrayList<>(List.of(
                    new KafkaException("delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms"),
                    new KafkaException("delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms"),
                    new KafkaException("No resolvable bootstrap urls given in bootstrap.servers")));
            KafkaSink sink = new KafkaSink("zt-events", () -> {
                if (!causes.isEmpty()) {
                    throw causes.remove(0);
                }
                Refusing producer = new Refusing(null);
                producers.add(producer);
                return producer;
            }, Duration.ofSeconds(1));

            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> sink.send(OcsfRecords.of(event("a"))))
                        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.reason()).isEqualTo("kafka_config"));
            }
            sink.send(OcsfRecords.of(event("a")));

            assertThat(errors).extracting(LogRecord::getMessage).hasSize(2)
                    .anySatisfy(m -> assertThat(m).contains("delivery.timeout.ms"))
                    .anySatisfy(m -> assertThat(m).contains("bootstrap.servers"));
            assertThat(producers).hasSize(1);
        } finally {
            log.removeHandler(capture);
        }
    }

    private static String event(String user) {
        return "{\"metadata\":{\"uid\":\"id-" + user + "\"},\"user\":{\"uid\":\"" + user + "\"},"
                + "\"unmapped\":{\"keycloak\":{\"realm_id\":\"r1\"}}}";
    }
}
