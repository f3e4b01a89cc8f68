package io.zerotrust.keycloak.events.outbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.zerotrust.keycloak.events.delivery.Backoff;
import io.zerotrust.keycloak.events.delivery.DeliveryException;
import io.zerotrust.keycloak.events.metrics.PipelineMetrics;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Drains one consumer's share of the outbox on a daemon thread of its own, so that a slow sink holds up neither the
 * scorer nor another sink. Across a cluster one node at a time drains a consumer: it holds the consumer's lease and
 * renews it each round; the others stand by and take over when it has run out (a node that died) or was given up (a
 * node that stopped). A batch counts as taken only once the handler is done with it, in a transaction of its own:
 * at least once, oldest first. A sink's batches are pipelined: the next is read, and the one before marked taken,
 * while the sink delivers one.
 */
public final class OutboxDrainer implements AutoCloseable {

    /** How {@link #state()} begins while the consumer's rounds fail. */
    public static final String FAILING = "failing";

    /** A row written longer ago than this is taken to be committed when a read passes it (see {@link ReadFloor}). */
    static final long COMMIT_MARGIN_MILLIS = 2_000;
    /** How often a read starts from the oldest row all the same, for a transaction that took longer to commit. */
    static final long FULL_READ_MILLIS = 10_000;

    private static final Logger LOG = Logger.getLogger(OutboxDrainer.class);

    /** The settings of a drainer. */
    public record Settings(int batchSize, long pollMillis, long leaseMillis) {
    }

    private final KeycloakSessionFactory factory;
    private final OutboxConsumer consumer;
    private final OutboxHandler handler;
    private final Settings settings;
    private final String node;
    private final PipelineMetrics metrics;
    private final Backoff backoff = new Backoff(1_000, 30_000, () -> ThreadLocalRandom.current().nextDouble());
    private final ReadFloor floor = new ReadFloor(COMMIT_MARGIN_MILLIS, FULL_READ_MILLIS);
    private volatile boolean running;
    private volatile boolean holding;
    private volatile String state = "starting";
    private Thread thread;
    /** The handler's own thread where it is {@link OutboxHandler#pipelined()}; null where batches go in turn. */
    private ExecutorService sender;
    private InFlight inFlight;

    public OutboxDrainer(KeycloakSessionFactory factory, OutboxConsumer consumer, OutboxHandler handler,
                         Settings settings, String node, PipelineMetrics metrics) {
        this.factory = factory;
        this.consumer = consumer;
        this.handler = handler;
        this.settings = settings;
        this.node = node;
        this.metrics = metrics;
    }

    public OutboxConsumer consumer() {
        return consumer;
    }

    /** {@code up}, {@code standby} (another node drains), or what went wrong last. */
    public String state() {
        return state;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        if (handler.pipelined()) {
            sender = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "zt-outbox-" + consumer.id() + "-send");
                t.setDaemon(true);
                return t;
            });
        }
        thread = new Thread(this::run, "zt-outbox-" + consumer.id());
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long renewAt = 0;
        int failures = 0;
        while (running) {
            long wait = settings.pollMillis();
            try {
                long now = System.currentTimeMillis();
                if (!holding || now >= renewAt) {
                    holding = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> new OutboxStore(s)
                            .lease(consumer, node, now, now + settings.leaseMillis()));
                    renewAt = now + settings.leaseMillis() / 3;
                }
                if (!holding) {
                    inFlight = settle(inFlight);
                    floor.reset();
                    state = "standby";
                    nap(Math.max(settings.pollMillis(), settings.leaseMillis() / 3));
                    continue;
                }
                Round round = sender == null ? drainInTurn() : drainPipelined();
                if (round.settled()) {
                    failures = 0;
                    state = "up";
                }
                if (round.read() == settings.batchSize()) {
                    continue; // more may be waiting: no nap
                }
            } catch (DeliveryException e) {
                inFlight = null; // its batch, and any read after it, stay in the outbox and come again in order
                floor.reset();
                state = FAILING + " (" + e.reason() + "): " + e.getMessage();
                wait = backoff.delayMillis(failures++);
                LOG.debugf("%s: batch kept in the outbox (%s); next try in %d ms", consumer.id(), e.getMessage(), wait);
            } catch (RuntimeException e) {
                inFlight = null;
                floor.reset();
                state = FAILING + " (error): " + e;
                wait = backoff.delayMillis(failures++);
                LOG.errorf(e, "%s: draining the outbox failed; the records stay and are tried again", consumer.id());
            }
            nap(wait);
        }
        settle(inFlight);
    }

    /**
     * What one round did: how many records it read, and whether the sink's answer on every batch it gave out is in.
     * A pipelined round that only handed a batch to the sink has not settled: the sink is not known to be up again
     * (a failing sink would read as up between its retries, and its backoff would never grow).
     */
    private record Round(int read, boolean settled) {
    }

    /** Reads a batch, hands it to the handler and marks it taken, one after the other. */
    private Round drainInTurn() throws DeliveryException {
        List<OutboxRecord> batch = pending(Set.of());
        if (!batch.isEmpty()) {
            OutboxHandler.Outcome outcome = handler.handle(batch);
            take(batch, outcome);
            outcome.afterCommit().run();
        }
        return new Round(batch.size(), true);
    }

    /**
     * While one batch is with the sink, reads the next and marks the one before taken, so that the database's work
     * and the sink's overlap. Batches reach the sink one at a time, in order; one the sink fails stops every batch
     * after it. A batch delivered but not marked (the database failed, the node died) is delivered again later:
     * after batches that followed it, as a duplicate the receiver can drop by its event id.
     */
    private Round drainPipelined() throws DeliveryException {
        Set<String> sending = inFlight == null ? Set.of() : inFlight.ids();
        List<OutboxRecord> batch = pending(sending);
        if (inFlight == null) {
            inFlight = batch.isEmpty() ? null : send(batch);
            return new Round(batch.size(), batch.isEmpty());
        }
        InFlight delivered = inFlight;
        OutboxHandler.Outcome outcome = delivered.outcome();
        inFlight = batch.isEmpty() ? null : send(batch);
        take(delivered.batch(), outcome);
        outcome.afterCommit().run();
        return new Round(batch.size(), true);
    }

    /** The oldest waiting rows from the floor on, but those with the sink. */
    private List<OutboxRecord> pending(Set<String> sending) {
        long now = System.currentTimeMillis();
        long from = floor.from(now);
        List<OutboxRecord> batch = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                s -> new OutboxStore(s).pending(consumer, settings.batchSize(), sending, from));
        floor.read(now, from, batch);
        return batch;
    }

    private InFlight send(List<OutboxRecord> batch) {
        return new InFlight(batch, sender.submit(() -> handler.handle(batch)));
    }

    /** Waits for a batch still with the sink and marks it taken if it was delivered; null, for the caller to keep. */
    private InFlight settle(InFlight batch) {
        if (batch != null) {
            try {
                OutboxHandler.Outcome outcome = batch.outcome();
                take(batch.batch(), outcome);
                outcome.afterCommit().run();
            } catch (DeliveryException | RuntimeException e) {
                LOG.debugf("%s: a batch left with the sink was not marked taken (%s); it comes again", consumer.id(), e);
            }
        }
        return null;
    }

    /** A batch handed to the sender thread, not yet marked taken. */
    private record InFlight(List<OutboxRecord> batch, Future<OutboxHandler.Outcome> future) {

        Set<String> ids() {
            Set<String> ids = new HashSet<>(batch.size() * 2);
            for (OutboxRecord record : batch) {
                ids.add(record.id());
            }
            return ids;
        }

        OutboxHandler.Outcome outcome() throws DeliveryException {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the sink had a batch", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof DeliveryException delivery) {
                    throw delivery;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private void take(List<OutboxRecord> batch, OutboxHandler.Outcome outcome) {
        List<String> ids = new ArrayList<>(batch.size());
        long now = System.currentTimeMillis();
        KeycloakModelUtils.runJobInTransaction(factory, s -> {
            OutboxStore store = new OutboxStore(s);
            for (OutboxRecord record : batch) {
                ids.add(record.id());
                String why = outcome.deadLetters().get(record.id());
                if (why != null) {
                    store.deadLetter(consumer, record, why, now);
                }
            }
            store.taken(consumer, ids);
            outcome.inCommit().accept(s);
        });
        if (!outcome.deadLetters().isEmpty()) {
            LOG.warnf("%s: %d records set aside as dead letters: %s", consumer.id(), outcome.deadLetters().size(),
                    outcome.deadLetters().values().iterator().next());
            metrics.dropped("dead_letter_" + consumer.id(), outcome.deadLetters().size());
        }
    }

    private void nap(long millis) {
        if (millis > 0 && running) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
        }
    }

    /** Stops after the current round and gives the lease up. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sender != null) {
            sender.shutdownNow();
        }
        if (holding) {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, s -> new OutboxStore(s).release(consumer, node));
            } catch (RuntimeException e) {
                LOG.debugf(e, "%s: could not give the lease up; it runs out by itself", consumer.id());
            }
            holding = false;
        }
    }
}
