package io.zerotrust.keycloak.events.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import io.zerotrust.keycloak.events.metrics.PipelineMetrics;
import org.jboss.logging.Logger;

/**
 * From the request thread to the sinks: a bounded queue drained by one daemon worker, which batches (up to
 * {@code batchSize} events or {@code lingerMillis} after the first), turns each batch into JSON records with
 * the given processor (mapping, scoring) and hands them to every sink; a second daemon thread replays the
 * sinks' spools.
 *
 * <p>{@link #offer} never blocks and does no I/O: when the queue is full the <b>oldest</b> queued event is
 * dropped and counted ({@code reason=queue_full}). Spooling on the request thread instead would put disk I/O
 * on the login path; a full queue means the worker is far behind, and the newest events matter most.
 *
 * @param <E> what the request thread hands over
 */
public final class DeliveryPipeline<E> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeliveryPipeline.class);

    /** How long the idle worker sleeps between looks at the queue; bounds the extra delivery delay. */
    private static final long IDLE_NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final ArrayBlockingQueue<E> queue;
    private final Function<List<E>, List<String>> processor;
    private final List<SpooledSink> sinks;
    private final PipelineMetrics metrics;
    private final int batchSize;
    private final long lingerMillis;
    private final long replayIntervalMillis;
    /** How long close() lets the worker finish its batch before interrupting it. */
    long stopTimeoutMillis = 5_000;
    private volatile boolean running;
    private Thread worker;
    private ScheduledExecutorService replayer;

    public DeliveryPipeline(int capacity, int batchSize, long lingerMillis, long replayIntervalMillis,
                            Function<List<E>, List<String>> processor, List<SpooledSink> sinks,
                            PipelineMetrics metrics) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.lingerMillis = lingerMillis;
        this.replayIntervalMillis = replayIntervalMillis;
        this.processor = processor;
        this.sinks = List.copyOf(sinks);
        this.metrics = metrics;
        metrics.queueDepth(queue::size);
    }

    /** Starts the worker and the replayer; spools left by an earlier run are replayed at once. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::work, "zt-events-worker");
        worker.setDaemon(true);
        worker.start();
        replayer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "zt-events-replayer");
            thread.setDaemon(true);
            return thread;
        });
        replayer.scheduleWithFixedDelay(this::replay, 0, replayIntervalMillis, TimeUnit.MILLISECONDS);
    }

    /** Hands an event over without blocking; drops the oldest queued event when full. */
    public void offer(E event) {
        while (!queue.offer(event)) {
            if (queue.poll() != null) {
                metrics.dropped("queue_full", 1);
            }
        }
    }

    public int queued() {
        return queue.size();
    }

    private void work() {
        List<E> batch = new ArrayList<>(batchSize);
        while (running) {
            try {
                // The worker never waits on the queue itself: a waiting consumer would make every offer() on the
                // request thread wake it (a system call, tens of microseconds at the tail). It naps instead.
                if (queue.drainTo(batch, batchSize) == 0) {
                    LockSupport.parkNanos(IDLE_NAP_NANOS);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    continue;
                }
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(lingerMillis);
                while (batch.size() < batchSize) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    LockSupport.parkNanos(Math.min(left, IDLE_NAP_NANOS));
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    queue.drainTo(batch, batchSize - batch.size());
                }
                deliver(batch);
            } catch (InterruptedException e) {
                // close() gave up waiting: what is left in the queue is spooled there
                break;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Event worker failed on a batch of %d events; they are lost", batch.size());
                metrics.dropped("worker_error", batch.size());
            } finally {
                batch.clear();
            }
        }
    }

    private void deliver(List<E> batch) {
        List<String> records = processor.apply(batch);
        for (SpooledSink sink : sinks) {
            sink.deliver(records);
        }
    }

    private void replay() {
        for (SpooledSink sink : sinks) {
            try {
                if (!sink.spool().isEmpty()) {
                    sink.replay();
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Replay of %s failed", sink.name());
            }
        }
    }

    /**
     * Stops the threads and writes what is still queued to the spools (no network at shutdown); the next start
     * replays it.
     */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        replayer.shutdownNow();
        try {
            // not interrupted at once: an interrupt closes file channels mid-write
            worker.join(stopTimeoutMillis);
            if (worker.isAlive()) {
                worker.interrupt();
                worker.join(stopTimeoutMillis);
            }
            replayer.awaitTermination(stopTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<E> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (int from = 0; from < rest.size(); from += batchSize) {
            List<String> records = processor.apply(rest.subList(from, Math.min(rest.size(), from + batchSize)));
            for (SpooledSink sink : sinks) {
                sink.spoolOnly(records);
            }
        }
        if (!rest.isEmpty()) {
            LOG.infof("Event pipeline stopped; %d queued events spooled for the next start", rest.size());
        }
        for (SpooledSink sink : sinks) {
            sink.close();
        }
    }
}
