package io.zerotrust.keycloak.events.outbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zerotrust.keycloak.events.delivery.DeliveryException;
import io.zerotrust.keycloak.events.delivery.EventSink;
import io.zerotrust.keycloak.events.metrics.PipelineMetrics;
import io.zerotrust.keycloak.events.ocsf.OcsfMapper;

/**
 * Delivers outbox records to one sink as OCSF: events are mapped here, findings are stored mapped. A row that cannot
 * be read, or that the receiver refused on its own, becomes a dead letter; the rest goes on.
 */
public final class SinkHandler implements OutboxHandler {

    private final EventSink sink;
    private final OcsfMapper mapper = new OcsfMapper();
    private final PipelineMetrics metrics;

    public SinkHandler(EventSink sink, PipelineMetrics metrics) {
        this.sink = sink;
        this.metrics = metrics;
    }

    @Override
    public Outcome handle(List<OutboxRecord> batch) throws DeliveryException {
        List<String> records = new ArrayList<>(batch.size());
        List<String> ids = new ArrayList<>(batch.size());
        Map<String, String> deadLetters = new HashMap<>();
        for (OutboxRecord record : batch) {
            try {
                ocsf(record).ifPresent(json -> {
                    records.add(json);
                    ids.add(record.id());
                });
            } catch (IOException | RuntimeException e) {
                deadLetters.put(record.id(), "unreadable outbox row: " + e.getMessage());
            }
        }
        if (!records.isEmpty()) {
            List<EventSink.Rejected> rejected = sink.send(records);
            for (EventSink.Rejected r : rejected) {
                deadLetters.put(ids.get(r.index()), sink.name() + " refused it: " + r.answer());
            }
            metrics.delivered(sink.name(), records.size() - rejected.size());
        }
        return Outcome.withDeadLetters(deadLetters);
    }

    /** A sink's batch depends on nothing the previous batch's marking commits. */
    @Override
    public boolean pipelined() {
        return true;
    }

    private Optional<String> ocsf(OutboxRecord record) throws IOException {
        if (OutboxRecord.OCSF.equals(record.kind())) {
            return Optional.of(OutboxCodec.checkedOcsf(record.payload()));
        }
        if (!OutboxRecord.EVENT.equals(record.kind())) {
            throw new IOException("unknown kind " + record.kind());
        }
        return mapper.map(OutboxCodec.decode(record.payload())).map(ObjectNode::toString);
    }
}
