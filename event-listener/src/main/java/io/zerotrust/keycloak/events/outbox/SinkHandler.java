package io.zerotrust.keycloak.events.outbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;

import io.zerotrust.keycloak.events.delivery.DeliveryException;
import io.zerotrust.keycloak.events.delivery.EventSink;
import io.zerotrust.keycloak.events.metrics.PipelineMetrics;
import io.zerotrust.keycloak.events.ocsf.OcsfJson;
import io.zerotrust.keycloak.events.ocsf.OcsfMapper;

/**
 * Delivers outbox records to one sink as OCSF: events are mapped here, findings are stored mapped. A row that cannot
 * be read, or that the receiver refused on its own, becomes a dead letter; the rest goes on. Mapping (reading the
 * row's JSON, writing the OCSF event) is most of a sink's CPU, so a batch's records are mapped in
 * chunks on the calling thread and {@link #MAPPERS} at once; they leave in the batch's order.
 */
public final class SinkHandler implements OutboxHandler {

    /** Below this many records a chunk is not worth another thread. */
    static final int MIN_CHUNK = 32;

    /** Shared by every sink; CPU work only. Its threads are daemons and end when idle. */
    private static final ForkJoinPool MAPPERS = new ForkJoinPool(
            Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors() - 1)), pool -> {
                ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                thread.setName("zt-ocsf-mapper-" + thread.getPoolIndex());
                return thread;
            }, null, false);

    private final EventSink sink;
    private final OcsfMapper mapper = new OcsfMapper();
    private final PipelineMetrics metrics;

    public SinkHandler(EventSink sink, PipelineMetrics metrics) {
        this.sink = sink;
        this.metrics = metrics;
    }

    @Override
    public Outcome handle(List<OutboxRecord> batch) throws DeliveryException {
        Object[] mapped = map(batch);
        List<OcsfJson> records = new ArrayList<>(batch.size());
        List<String> ids = new ArrayList<>(batch.size());
        Map<String, String> deadLetters = new HashMap<>();
        for (int i = 0; i < mapped.length; i++) {
            if (mapped[i] instanceof OcsfJson json) {
                records.add(json);
                ids.add(batch.get(i).id());
            } else if (mapped[i] instanceof Unreadable unreadable) {
                deadLetters.put(batch.get(i).id(), "unreadable outbox row: " + unreadable.why());
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

    /** A row that could not be mapped, and why. */
    private record Unreadable(String why) {
    }

    /** Per record, in the batch's order: its {@link OcsfJson}, {@link Unreadable}, or null (a type not exported). */
    private Object[] map(List<OutboxRecord> batch) {
        Object[] mapped = new Object[batch.size()];
        int chunks = Math.max(1, Math.min(MAPPERS.getParallelism() + 1, batch.size() / MIN_CHUNK));
        int size = (batch.size() + chunks - 1) / chunks;
        List<ForkJoinTask<?>> helpers = new ArrayList<>(chunks - 1);
        for (int from = size; from < batch.size(); from += size) {
            int start = from;
            int end = Math.min(batch.size(), from + size);
            helpers.add(MAPPERS.submit(() -> map(batch, mapped, start, end)));
        }
        map(batch, mapped, 0, Math.min(size, batch.size()));
        for (ForkJoinTask<?> helper : helpers) {
            helper.join(); // each chunk writes its own slots; join makes them visible here
        }
        return mapped;
    }

    private void map(List<OutboxRecord> batch, Object[] mapped, int from, int to) {
        for (int i = from; i < to; i++) {
            try {
                mapped[i] = ocsf(batch.get(i)).orElse(null);
            } catch (IOException | RuntimeException e) {
                mapped[i] = new Unreadable(String.valueOf(e.getMessage()));
            }
        }
    }

    /** A sink's batch depends on nothing the previous batch's marking commits. */
    @Override
    public boolean pipelined() {
        return true;
    }

    private Optional<OcsfJson> ocsf(OutboxRecord record) throws IOException {
        if (OutboxRecord.OCSF.equals(record.kind())) {
            return Optional.of(OcsfJson.parse(record.payload()));
        }
        if (!OutboxRecord.EVENT.equals(record.kind())) {
            throw new IOException("unknown kind " + record.kind());
        }
        return mapper.map(OutboxCodec.decode(record.payload()));
    }
}
