package io.zerotrust.keycloak.events.delivery;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.zerotrust.keycloak.events.Events;
import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;
import io.zerotrust.keycloak.events.anomaly.FindingKind;
import io.zerotrust.keycloak.events.anomaly.FindingLevel;
import io.zerotrust.keycloak.events.anomaly.FindingReason;
import io.zerotrust.keycloak.events.ocsf.OcsfJson;
import io.zerotrust.keycloak.events.ocsf.OcsfMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaRecordsTest {

    private final OcsfMapper mapper = new OcsfMapper();

    @Test
    void aUsersEventIsKeyedRealmAndUserAndCarriesItsIdInAHeader() {
        OcsfJson ocsf = mapper.map(Events.login().build()).orElseThrow();

        ProducerRecord<String, byte[]> record = KafkaRecords.of("zt-events", ocsf);

        assertThat(record.topic()).isEqualTo("zt-events");
        assertThat(record.key()).isEqualTo("r1:u-1");
        assertThat(eventIds(record)).containsExactly("ev-1");
        assertThat(record.value()).isEqualTo(ocsf.utf8());
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).startsWith("{").contains("\"class_uid\":3002");
        assertThat(record.partition()).as("left to the key's hash").isNull();
    }

    @Test
    void withoutAUserTheKeyIsTheRealmAndTheAddressOrTheRealmAlone() {
        OcsfJson noUser = mapper.map(Events.login().type("LOGIN_ERROR").userId(null).username(null).build())
                .orElseThrow();
        OcsfJson nothing = mapper.map(Events.login().type("LOGIN_ERROR").userId(null).username(null).ip(null)
                .country(null).city(null).asn(null).build()).orElseThrow();

        assertThat(KafkaRecords.of("t", noUser).key()).isEqualTo("r1:203.0.113.7");
        assertThat(KafkaRecords.of("t", nothing).key()).isEqualTo("r1:");
    }

    @Test
    void findingsAreKeyedByTheirUserOrByTheSourceInTheirEvidence() throws Exception {
        AnomalyFinding aboutUser = new AnomalyFinding("f-1", 5_000L, "r1", "u-1", "s-1", "203.0.113.7", "AS64500",
                FindingKind.TOKEN_THEFT, 85, FindingLevel.HIGH, List.of(new FindingReason("X", "x")));
        AnomalyFinding aboutSource = new AnomalyFinding("f-2", 5_000L, "r1", null, null, "198.51.100.9", null,
                FindingKind.CREDENTIAL_STUFFING, 60, FindingLevel.MEDIUM, List.of(new FindingReason("X", "x")));

        ProducerRecord<String, byte[]> user = KafkaRecords.of("t", mapper.map(aboutUser));
        ProducerRecord<String, byte[]> source = KafkaRecords.of("t", mapper.map(aboutSource));
        // Findings reach the sinks stored, as text read back: the same key and id as when they were written
        OcsfJson stored = OcsfJson.parse(mapper.map(aboutSource).text());

        assertThat(user.key()).as("with the user's own events").isEqualTo("r1:u-1");
        assertThat(eventIds(user)).containsExactly("f-1");
        assertThat(source.key()).isEqualTo("r1:198.51.100.9");
        assertThat(eventIds(source)).containsExactly("f-2");
        assertThat(stored.orderKey()).isEqualTo(source.key());
        assertThat(stored.eventId()).isEqualTo("f-2");
        assertThat(OcsfJson.parse(mapper.map(aboutUser).text()).orderKey()).isEqualTo("r1:u-1");
    }

    @Test
    void anObjectWithoutIdOrRealmStillGoesWithoutTheHeader() throws Exception {
        ProducerRecord<String, byte[]> record = KafkaRecords.of("t", OcsfJson.parse("{\"class_uid\":3002}"));

        assertThat(record.key()).isEqualTo(":");
        assertThat(eventIds(record)).isEmpty();
        assertThatThrownBy(() -> OcsfJson.parse("not json")).as("a damaged stored record: a dead letter")
                .isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> OcsfJson.parse("[1]")).isInstanceOf(java.io.IOException.class);
    }

    private static List<String> eventIds(ProducerRecord<String, byte[]> record) {
        List<String> ids = new java.util.ArrayList<>();
        for (Header header : record.headers().headers("zt-event-id")) {
            ids.add(new String(header.value(), StandardCharsets.UTF_8));
        }
        return ids;
    }
}
