package io.zerotrust.keycloak.events.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.spi.RiskNotes;

/**
 * The last days' sign-ins of a realm, counted from its stored events (UTC days): completed sign-ins (LOGIN) by the
 * risk level the pack assessed, how many of them were asked for more than the password (level MEDIUM or HIGH), and
 * how many sign-ins the pack refused (LOGIN_ERROR with a support reference).
 */
public final class DailySignIns {

    /** One UTC day. {@code unassessed}: LOGINs no assessment judged (a flow without the pack's step). */
    public record Day(LocalDate date, int low, int medium, int high, int unassessed, int prompted, int refused) {

        public int signIns() {
            return low + medium + high + unassessed;
        }
    }

    /** A stored event as this count reads it. */
    public record StoredEvent(long time, String type, Map<String, String> details) {
    }

    // Columns of a day's counts, in the order of Day's components
    private static final int LOW = 0;
    private static final int MEDIUM = 1;
    private static final int HIGH = 2;
    private static final int UNASSESSED = 3;
    private static final int PROMPTED = 4;
    private static final int REFUSED = 5;

    private final LocalDate first;
    private final int[][] counts;

    /** Counts for {@code days} days ending with {@code today}. */
    public DailySignIns(LocalDate today, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1");
        }
        this.first = today.minusDays(days - 1L);
        this.counts = new int[days][REFUSED + 1];
    }

    /** The start of the first day counted, for the event query. */
    public long fromMillis() {
        return first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** Counts one event; events of other types or outside the days are ignored. */
    public void add(StoredEvent event) {
        LocalDate day = Instant.ofEpochMilli(event.time()).atZone(ZoneOffset.UTC).toLocalDate();
        int index = (int) (day.toEpochDay() - first.toEpochDay());
        if (index < 0 || index >= counts.length) {
            return;
        }
        Map<String, String> details = event.details() == null ? Map.of() : event.details();
        int[] counted = counts[index];
        if ("LOGIN".equals(event.type())) {
            String level = details.get(RiskNotes.EVENT_LEVEL);
            switch (level == null ? "" : level) {
                case "LOW" -> counted[LOW]++;
                case "MEDIUM" -> counted[MEDIUM]++;
                case "HIGH" -> counted[HIGH]++;
                default -> counted[UNASSESSED]++;
            }
            if ("MEDIUM".equals(level) || "HIGH".equals(level)) {
                counted[PROMPTED]++;
            }
        } else if ("LOGIN_ERROR".equals(event.type()) && details.get(RiskNotes.EVENT_REFERENCE) != null) {
            counted[REFUSED]++;
        }
    }

    /** Every day, oldest first, also those without sign-ins. */
    public List<Day> days() {
        List<Day> days = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            int[] c = counts[i];
            days.add(new Day(first.plusDays(i), c[LOW], c[MEDIUM], c[HIGH], c[UNASSESSED], c[PROMPTED], c[REFUSED]));
        }
        return days;
    }
}
