package io.zerotrust.keycloak.events.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.zerotrust.keycloak.events.ocsf.OcsfJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Produces each OCSF event as one record to a Kafka topic ({@link KafkaRecords}: key, id header) and waits, within
 * a bound, until the brokers acknowledged them all. Any failure fails the batch transiently: it stays in the outbox
 * and is sent again (at least once; consumers de-duplicate on the id). The producer is made at the first send,
 * so that a broken configuration or unreachable brokers never stop Keycloak starting, and made anew after an
 * error other than the brokers being away.
 *
 * <p>A single record the brokers refuse as too large can never pass: it is returned as {@link Rejected} (a dead
 * letter), logged by its id, and the rest of its batch goes on, as in {@link WebhookSink}.
 */
public final class KafkaSink implements EventSink {

    private static final Logger LOG = Logger.getLogger(KafkaSink.class);

    private final String topic;
    private final Supplier<Producer<String, byte[]>> producers;
    /** Why the last producer could not be created, once logged; null once one was. */
    private String refusedWith;
    private final Duration waitBound;
    private Producer<String, byte[]> producer;

    /**
     * @param config    the producer's configuration (serializers are the sink's own)
     * @param waitBound longest wait for a batch's acknowledgements
     */
    public KafkaSink(String topic, Map<String, Object> config, Duration waitBound) {
        this(topic, () -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()), waitBound);
    }

    KafkaSink(String topic, Supplier<Producer<String, byte[]>> producers, Duration waitBound) {
        this.topic = topic;
        this.producers = producers;
        this.waitBound = waitBound;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public synchronized List<Rejected> send(List<OcsfJson> records) throws DeliveryException {
        if (records.isEmpty()) {
            return List.of();
        }
        List<Rejected> rejected = new ArrayList<>();
        Producer<String, byte[]> client = producer();
        List<ProducerRecord<String, byte[]>> sent = new ArrayList<>(records.size());
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        try {
            for (OcsfJson ocsf : records) {
                ProducerRecord<String, byte[]> record = KafkaRecords.of(topic, ocsf);
                Future<RecordMetadata> ack = client.send(record);
                // Unreachable brokers fail a send after max.block.ms: the next sends would wait as long, each
                Throwable refused = ack.isDone() ? failure(ack) : null;
                if (refused != null && !(refused instanceof RecordTooLargeException)) {
                    throw failed("kafka_unavailable", refused);
                }
                sent.add(record);
                acks.add(ack);
            }
            long deadline = System.nanoTime() + waitBound.toNanos();
            for (int i = 0; i < acks.size(); i++) {
                String refusal = await(sent.get(i), acks.get(i), deadline);
                if (refusal != null) {
                    rejected.add(new Rejected(i, refusal));
                }
            }
        } catch (RuntimeException e) {
            // a client error must not end the outbox's worker
            throw failed("kafka_error", e);
        }
        return rejected;
    }

    /** @return why the brokers refused this record for good, or null once they acknowledged it */
    private String await(ProducerRecord<String, byte[]> record, Future<RecordMetadata> ack, long deadline)
            throws DeliveryException {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException) {
                // It can never pass; the rest of its batch still goes
                LOG.errorf("Kafka refused event %s as too large for topic %s (%s); it is set aside", eventId(record),
                        topic, e.getCause().getMessage());
                return "too large for topic " + topic + ": " + e.getCause().getMessage();
            }
            throw failed("kafka_unavailable", e.getCause());
        } catch (TimeoutException e) {
            throw failed("kafka_timeout", new org.apache.kafka.common.errors.TimeoutException(
                    "no acknowledgement within " + waitBound.toMillis() + " ms"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("interrupted", e);
        }
    }

    private DeliveryException failed(String reason, Throwable cause) {
        // Brokers away: the client reconnects by itself, and keeping it spares the log a new client's start-up
        // lines at every replay. Any other error may have left it unusable (fenced, not authorized): a new one.
        if (!(cause instanceof RetriableException)) {
            reset();
        }
        return DeliveryException.transientFailure(reason, "could not produce to Kafka topic " + topic + ": " + cause,
                cause);
    }

    private Producer<String, byte[]> producer() throws DeliveryException {
        if (producer == null) {
            try {
                producer = producers.get();
                refusedWith = null;
            } catch (RuntimeException e) {
                // e.g. bootstrap servers that do not resolve (yet), or settings the client refuses: the events wait
                // in the outbox, and the admin hears of it once per cause rather than at every retry
                String why = String.valueOf(e);
                if (!why.equals(refusedWith)) {
                    refusedWith = why;
                    LOG.errorf("Cannot create the Kafka producer for topic %s; events wait in the outbox: %s", topic, why);
                }
                throw DeliveryException.transientFailure("kafka_config", "cannot create the Kafka producer: " + e, e);
            }
        }
        return producer;
    }

    private static Throwable failure(Future<RecordMetadata> done) {
        try {
            done.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private static String eventId(ProducerRecord<String, byte[]> record) {
        Header id = record.headers().lastHeader(KafkaRecords.EVENT_ID_HEADER);
        return id == null ? "(no id)" : new String(id.value(), StandardCharsets.UTF_8);
    }

    private void reset() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debugf(e, "closing the Kafka producer");
            }
            producer = null;
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }
}
