package io.zerotrust.keycloak.events.delivery;

import java.io.IOException;
import java.util.List;

import io.zerotrust.keycloak.events.metrics.PipelineMetrics;
import org.jboss.logging.Logger;

/**
 * A sink with a spool behind it: at-least-once delivery. A batch the sink cannot take is spooled and the sink
 * is marked down; while it is down, new batches go straight to the spool (no point waiting for retries that
 * will fail, and the queue must keep draining). The replayer ({@link #replay()}) re-sends spooled segments,
 * oldest first, and marks the sink up once the spool is empty. Receivers deduplicate on {@code metadata.uid}.
 */
public final class SpooledSink implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SpooledSink.class);

    private final EventSink sink;
    private final Spool spool;
    private final PipelineMetrics metrics;
    private final int replayBatchSize;
    private volatile boolean up;

    public SpooledSink(EventSink sink, Spool spool, PipelineMetrics metrics, int replayBatchSize) {
        this.sink = sink;
        this.spool = spool;
        this.metrics = metrics;
        this.replayBatchSize = replayBatchSize;
        // leftovers of an earlier run are replayed before the sink counts as up
        this.up = spool.isEmpty();
    }

    public String name() {
        return sink.name();
    }

    public Spool spool() {
        return spool;
    }

    /** Delivers a batch, or spools it. Called by the event worker only. */
    public void deliver(List<String> records) {
        if (records.isEmpty()) {
            return;
        }
        if (!up) {
            toSpool(records, "sink down");
            return;
        }
        try {
            sink.send(records);
            metrics.delivered(sink.name(), records.size());
        } catch (DeliveryException e) {
            if (e.permanent()) {
                LOG.errorf("%s: dropping %d events: %s", sink.name(), records.size(), e.getMessage());
                metrics.dropped(e.reason(), records.size());
            } else {
                LOG.warnf("%s: %s; spooling %d events until it recovers", sink.name(), e.getMessage(), records.size());
                up = false;
                toSpool(records, e.reason());
            }
        }
    }

    /** Writes a batch to the spool without trying the sink: for shutdown. */
    public void spoolOnly(List<String> records) {
        toSpool(records, "shutdown");
    }

    private void toSpool(List<String> records, String why) {
        // An interrupt (shutdown) would close the spool's channel mid-write: the write comes first
        boolean interrupted = Thread.interrupted();
        try {
            spool.append(records);
            metrics.spooled(sink.name(), records.size());
        } catch (IOException e) {
            LOG.errorf(e, "%s: could not spool %d events (%s); they are lost", sink.name(), records.size(), why);
            metrics.dropped("spool_error", records.size());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Re-sends spooled segments until the spool is empty or the sink fails. Called by the replayer thread.
     *
     * @return events delivered
     */
    public int replay() {
        int delivered = 0;
        try {
            Spool.Replay replay;
            while ((replay = spool.oldest()) != null) {
                List<String> records = replay.records();
                for (int from = 0; from < records.size(); from += replayBatchSize) {
                    List<String> chunk = records.subList(from, Math.min(records.size(), from + replayBatchSize));
                    try {
                        sink.send(chunk);
                        metrics.delivered(sink.name(), chunk.size());
                        delivered += chunk.size();
                    } catch (DeliveryException e) {
                        if (!e.permanent()) {
                            // still down; the chunks already sent will be sent again (at least once)
                            LOG.debugf("%s: replay stopped: %s", sink.name(), e.getMessage());
                            return delivered;
                        }
                        LOG.errorf("%s: dropping %d spooled events: %s", sink.name(), chunk.size(), e.getMessage());
                        metrics.dropped(e.reason(), chunk.size());
                    }
                }
                spool.acknowledge(replay.segment());
            }
            if (!up) {
                LOG.infof("%s: recovered; spool replayed", sink.name());
            }
            up = true;
        } catch (IOException e) {
            LOG.errorf(e, "%s: could not read the spool", sink.name());
        }
        return delivered;
    }

    @Override
    public void close() {
        sink.close();
        spool.close();
    }
}
