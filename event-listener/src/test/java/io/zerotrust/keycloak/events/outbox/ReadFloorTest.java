package io.zerotrust.keycloak.events.outbox;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadFloorTest {

    private static final long MARGIN = 2_000;
    private static final long FULL = 10_000;
    private static final long NOW = 1_800_000_000_000L;

    private final ReadFloor floor = new ReadFloor(MARGIN, FULL);

    private static OutboxRecord stamped(long micros) {
        return new OutboxRecord("r" + micros, micros, "realm", OutboxRecord.EVENT, "{}");
    }

    private static long micros(long millis) {
        return millis * 1000;
    }

    @Test
    void theFirstReadStartsFromTheOldestRow() {
        assertThat(floor.from(NOW)).isEqualTo(ReadFloor.OLDEST);
    }

    @Test
    void aReadBehindTheWritersStartsTheNextFromItsFirstRow() {
        long from = floor.from(NOW);
        long first = micros(NOW - 60_000);
        floor.read(NOW, from, List.of(stamped(first), stamped(first + 1)));

        // the batch's own rows are with the sink then, and excluded by id; the deleted rows below it are skipped
        assertThat(floor.from(NOW + 10)).isEqualTo(first);
    }

    @Test
    void rowsWrittenWithinTheMarginAreReadAgainInCaseAnOlderOneCommitsLate() {
        long from = floor.from(NOW);
        floor.read(NOW, from, List.of(stamped(micros(NOW - 100))));
        assertThat(floor.from(NOW + 10)).isEqualTo(micros(NOW - MARGIN));

        floor.read(NOW + 10, micros(NOW - MARGIN), List.of());
        assertThat(floor.from(NOW + 20)).as("an empty read moves the floor to what has surely committed")
                .isEqualTo(micros(NOW + 10 - MARGIN));
    }

    @Test
    void theFloorNeverMovesBackBetweenFullReads() {
        floor.read(NOW, floor.from(NOW), List.of(stamped(micros(NOW - 30_000))));
        long from = floor.from(NOW + 10);
        floor.read(NOW + 10, from, List.of(stamped(micros(NOW - 20_000))));
        long next = floor.from(NOW + 20);
        assertThat(next).isEqualTo(micros(NOW - 20_000)).isGreaterThanOrEqualTo(from);
    }

    @Test
    void everyTenSecondsAReadStartsFromTheOldestRowForTransactionsThatTookLonger() {
        floor.read(NOW, floor.from(NOW), List.of(stamped(micros(NOW - 30_000))));
        assertThat(floor.from(NOW + FULL - 1)).isNotEqualTo(ReadFloor.OLDEST);
        assertThat(floor.from(NOW + FULL)).isEqualTo(ReadFloor.OLDEST);
    }

    @Test
    void afterAResetTheNextReadStartsFromTheOldestRow() {
        floor.read(NOW, floor.from(NOW), List.of(stamped(micros(NOW - 30_000))));
        floor.reset();
        assertThat(floor.from(NOW + 10)).isEqualTo(ReadFloor.OLDEST);
    }
}
