package io.zerotrust.keycloak.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The zt-events Kafka sink on a real server, producing to a real Kafka broker ({@link KafkaBroker}): sign-ins
 * arrive on the topic keyed {@code <realmId>:<userId>} with their id in the {@code zt-event-id} header, one user's
 * in order, in lz4-compressed batches (the default {@code kafka-compression}); while the broker is down sign-ins go
 * on, and every event arrives once it is back.
 */
@KeycloakIntegrationTest(config = KafkaServerConfig.class)
class KafkaSinkTest {

    /** As long as the outage. */
    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final Duration DELIVERY = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KafkaBroker broker;

    @InjectRealm(fromJson = "/zt-risk-realm.json", ref = "kafka")
    ManagedRealm realm;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.formatted();
        broker.start();
        try (Admin admin = broker.admin()) {
            admin.createTopics(List.of(new NewTopic(KafkaServerConfig.TOPIC, 3, (short) 1))).all().get();
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void signInsArriveKeyedByRealmAndUserWithTheirIdAndOneUsersInOrderCompressed() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            for (int i = 0; i < 3; i++) {
                login(browser, "alice");
                login(browser, "carol");
            }
        }
        String realmId = realm.admin().toRepresentation().getId();
        Map<String, List<String>> loginsByUser = Map.of("alice", loginIds("alice"), "carol", loginIds("carol"));
        Set<String> ids = loginsByUser.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        assertThat(ids).hasSize(6);

        List<ConsumerRecord<String, String>> records = consumeUntilAll(ids);

        for (ConsumerRecord<String, String> record : records) {
            assertThat(eventId(record)).as("zt-event-id header of %s", record.value())
                    .isEqualTo(JSON.readTree(record.value()).path("metadata").path("uid").asText());
        }
        for (Map.Entry<String, List<String>> user : loginsByUser.entrySet()) {
            String key = realmId + ":" + LoginEvents.userId(realm, user.getKey());
            List<ConsumerRecord<String, String>> theirs = records.stream()
                    .filter(r -> user.getValue().contains(eventId(r))).toList();
            assertThat(theirs).extracting(ConsumerRecord::key).as("keys of %s's LOGINs", user.getKey())
                    .containsOnly(key);
            assertThat(theirs.stream().map(ConsumerRecord::partition).distinct()).as("one partition").hasSize(1);
            assertThat(firstOccurrences(theirs)).as("%s's LOGINs in topic order", user.getKey())
                    .containsExactlyElementsOf(user.getValue());
        }
        assertThat(broker.batchCompressions(KafkaServerConfig.TOPIC)).as("codecs of the batches on the broker's disk")
                .containsExactly("lz4");
    }

    @Test
    void signInsGoOnWhileTheBrokerIsDownAndAllTheirEventsArriveWhenItIsBack() throws Exception {
        broker.stop();
        int logins = 0;
        long end = System.nanoTime() + OUTAGE.toNanos();
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            // signing in all through the outage: each must complete; how fast is EventPipelineTest's concern
            while (System.nanoTime() < end) {
                login(browser, logins % 2 == 0 ? "bob" : "dave");
                logins++;
            }
        } finally {
            broker.start();
        }
        Set<String> ids = new LinkedHashSet<>(loginIds("bob"));
        ids.addAll(loginIds("dave"));
        assertThat(ids).as("LOGIN events of the sign-ins during the outage").hasSize(logins);

        List<ConsumerRecord<String, String>> records = consumeUntilAll(ids);

        assertThat(records.stream().map(KafkaSinkTest::eventId).filter(ids::contains).distinct().count())
                .as("distinct LOGIN ids on the topic, of %d sign-ins while the broker was down", logins)
                .isEqualTo(ids.size());
    }

    private void login(BrowserBehindProxy browser, String username) throws Exception {
        browser.endSession();
        HtmlPage page = browser.login(realm.getName(), username, username + "-Passw0rd!");
        assertThat(BrowserBehindProxy.signedIn(page)).as("%s signed in", username).isTrue();
    }

    /** The user's LOGIN event ids, oldest first. */
    private List<String> loginIds(String username) {
        List<EventRepresentation> events = realm.admin().getEvents(List.of("LOGIN"), null,
                LoginEvents.userId(realm, username), null, null, null, 0, 1000);
        List<String> ids = new ArrayList<>(events.stream().map(EventRepresentation::getId).toList());
        Collections.reverse(ids);
        return ids;
    }

    /** Reads the whole topic from the start until every one of {@code ids} was seen. */
    private static List<ConsumerRecord<String, String>> consumeUntilAll(Set<String> ids) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.BOOTSTRAP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(KafkaServerConfig.TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await(ids.size() + " events on topic " + KafkaServerConfig.TOPIC).atMost(DELIVERY)
                    .pollInSameThread().pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                        return records.stream().map(KafkaSinkTest::eventId).collect(Collectors.toSet()).containsAll(ids);
                    });
        }
        return records;
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        Header id = record.headers().lastHeader("zt-event-id");
        return id == null ? null : new String(id.value(), StandardCharsets.UTF_8);
    }

    private static List<String> firstOccurrences(List<ConsumerRecord<String, String>> records) {
        return List.copyOf(records.stream().map(KafkaSinkTest::eventId).collect(Collectors.toCollection(LinkedHashSet::new)));
    }
}
