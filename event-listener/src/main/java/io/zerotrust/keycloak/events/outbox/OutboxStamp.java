package io.zerotrust.keycloak.events.outbox;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Strictly increasing write stamps of this node, in microseconds since the epoch: the outbox is read in this order,
 * so that two events of one user written in the same millisecond keep their order. Nodes of a cluster agree as far
 * as their clocks do.
 */
public final class OutboxStamp {

    private final AtomicLong last = new AtomicLong();
    private final LongSupplier millis;

    public OutboxStamp(LongSupplier millis) {
        this.millis = millis;
    }

    public long next() {
        long now = millis.getAsLong() * 1000;
        return last.accumulateAndGet(now, (previous, candidate) -> Math.max(previous + 1, candidate));
    }
}
