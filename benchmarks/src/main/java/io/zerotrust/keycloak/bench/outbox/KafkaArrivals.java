package io.zerotrust.keycloak.bench.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Consumes the sink's topic from its beginning in a thread of its own and counts the distinct event ids of the
 * {@code zt-event-id} header, so that a batch the sink sent again does not count twice. Creates the topic (three
 * partitions, as the records are keyed by user) when the broker has none.
 */
final class KafkaArrivals implements Arrivals {

    /** The header the Kafka sink puts the event id in ({@code KafkaRecords.EVENT_ID_HEADER} in zt-event-listener). */
    static final String EVENT_ID_HEADER = "zt-event-id";
    private static final int PARTITIONS = 3;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread poller;
    private final Set<String> ids = new HashSet<>();
    private final AtomicLong distinct = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private volatile boolean closing;

    private KafkaArrivals(String servers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.CLIENT_ID_CONFIG, "outbox-drain-load",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        poller = new Thread(this::poll, "outbox-drain-kafka-consumer");
    }

    static KafkaArrivals consuming(String servers, String topic) throws InterruptedException, ExecutionException,
            java.util.concurrent.TimeoutException {
        createTopic(servers, topic);
        KafkaArrivals arrivals = new KafkaArrivals(servers, topic);
        arrivals.poller.start();
        return arrivals;
    }

    private static void createTopic(String servers, String topic) throws InterruptedException, ExecutionException,
            java.util.concurrent.TimeoutException {
        // The broker may still be starting: the admin client retries within its API timeout
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 90_000))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(2, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private void poll() {
        try {
            while (!closing) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header id = record.headers().lastHeader(EVENT_ID_HEADER);
                    if (id != null && ids.add(new String(id.value(), StandardCharsets.UTF_8))) {
                        distinct.incrementAndGet();
                    } else {
                        duplicates.incrementAndGet();
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public String sink() {
        return "Kafka";
    }

    @Override
    public String outboxColumn() {
        return "TO_KAFKA";
    }

    @Override
    public long count() {
        return distinct.get();
    }

    @Override
    public long repeats() {
        return duplicates.get();
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        consumer.wakeup();
        poller.join(TimeUnit.SECONDS.toMillis(10));
    }
}
