package io.zerotrust.keycloak.events.outbox;

import java.util.List;

/**
 * The stamp one consumer's next outbox read may start from instead of the oldest row. A queue table's deleted rows
 * stay in its index until the database vacuums it (PostgreSQL: about once a minute); a read from the oldest row
 * walks all of them again for every batch, so each batch costs more the longer the drain runs. Every waiting row
 * below the floor is either with the sink or was written by a transaction that took longer than
 * {@code commitMarginMillis} to commit; for those a read starts from the oldest row every {@code fullReadMillis}
 * all the same, and after anything went wrong.
 */
final class ReadFloor {

    /** A read from the oldest row. */
    static final long OLDEST = Long.MIN_VALUE;

    private final long commitMarginMillis;
    private final long fullReadMillis;
    private long floor = OLDEST;
    private long fullReadAt = Long.MIN_VALUE;

    ReadFloor(long commitMarginMillis, long fullReadMillis) {
        this.commitMarginMillis = commitMarginMillis;
        this.fullReadMillis = fullReadMillis;
    }

    /** The stamp the read made now starts from, {@link #OLDEST} for the oldest row. */
    long from(long nowMillis) {
        if (floor == OLDEST || nowMillis - fullReadAt >= fullReadMillis) {
            fullReadAt = nowMillis;
            return OLDEST;
        }
        return floor;
    }

    /**
     * Moves the floor after a read that began at {@code nowMillis} from {@code from} and found {@code batch}, oldest
     * first, besides the rows with the sink: no waiting row below the batch's first is left, and any row written
     * more than the margin before the read had committed by then.
     */
    void read(long nowMillis, long from, List<OutboxRecord> batch) {
        long committed = (nowMillis - commitMarginMillis) * 1000;
        long next = batch.isEmpty() ? committed : Math.min(batch.get(0).stamp(), committed);
        floor = Math.max(from, next);
    }

    /** The next read starts from the oldest row: a batch came back from the sink undelivered, or the lease changed. */
    void reset() {
        floor = OLDEST;
    }
}
