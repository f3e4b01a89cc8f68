package io.zerotrust.keycloak.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zerotrust.keycloak.events.Events;
import io.zerotrust.keycloak.events.delivery.EventSink;
import io.zerotrust.keycloak.events.metrics.PipelineMetrics;
import io.zerotrust.keycloak.events.ocsf.OcsfJson;
import org.junit.jupiter.api.Test;

class SinkHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Keeps what it was sent, in order. */
    private static final class Kept implements EventSink {
        final List<OcsfJson> records = new ArrayList<>();

        @Override
        public String name() {
            return "kept";
        }

        @Override
        public List<Rejected> send(List<OcsfJson> batch) {
            records.addAll(batch);
            return List.of();
        }
    }

    @Test
    void aBatchMappedInChunksLeavesInItsOrderWithItsDamagedRowsSetAside() throws Exception {
        List<OutboxRecord> batch = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5 * SinkHandler.MIN_CHUNK + 7; i++) {
            String id = "row-" + i;
            if (i % 41 == 40) {
                batch.add(new OutboxRecord(id, i, "r1", OutboxRecord.EVENT, "{\"type\":\"LOGIN\",\"time\":")); // cut short
            } else if (i % 53 == 52) {
                // a type the pipeline does not export: taken, not sent, not a dead letter
                batch.add(new OutboxRecord(id, i, "r1", OutboxRecord.EVENT,
                        OutboxCodec.encode(Events.login().id("ev-" + i).type("UPDATE_CONSENT").build())));
            } else {
                batch.add(new OutboxRecord(id, i, "r1", OutboxRecord.EVENT,
                        OutboxCodec.encode(Events.login().id("ev-" + i).build())));
                expected.add("ev-" + i);
            }
        }
        Kept sink = new Kept();

        OutboxHandler.Outcome outcome = new SinkHandler(sink, new PipelineMetrics(new SimpleMeterRegistry()))
                .handle(batch);

        List<String> sent = new ArrayList<>();
        for (OcsfJson record : sink.records) {
            assertThat(record.eventId()).isEqualTo(JSON.readTree(record.utf8()).path("metadata").path("uid").asText());
            assertThat(record.orderKey()).isEqualTo("r1:u-1");
            sent.add(record.eventId());
        }
        assertThat(sent).containsExactlyElementsOf(expected);
        assertThat(outcome.deadLetters()).containsOnlyKeys("row-40", "row-81", "row-122", "row-163");
        assertThat(outcome.deadLetters().get("row-81")).startsWith("unreadable outbox row: ");
    }
}
