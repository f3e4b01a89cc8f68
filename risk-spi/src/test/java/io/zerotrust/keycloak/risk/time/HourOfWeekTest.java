package io.zerotrust.keycloak.risk.time;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HourOfWeekTest {

    @Test
    void mondayMidnightUtcIsZeroAndSundayLastHourIs167() {
        assertThat(HourOfWeek.index(Instant.parse("2026-03-02T00:00:00Z"))).isZero(); // a Monday
        assertThat(HourOfWeek.index(Instant.parse("2026-03-08T23:59:59Z"))).isEqualTo(167); // a Sunday
        assertThat(HourOfWeek.index(Instant.parse("2026-03-03T09:30:00Z"))).isEqualTo(24 + 9);
    }

    @Test
    void binsAreUtcSoDstDoesNotMoveThem() {
        // 10:00 UTC on a Wednesday in winter and in summer: same bin, whatever Berlin's clocks say
        assertThat(HourOfWeek.index(Instant.parse("2026-01-07T10:00:00Z")))
                .isEqualTo(HourOfWeek.index(Instant.parse("2026-07-08T10:00:00Z")))
                .isEqualTo(2 * 24 + 10);
    }

    @Test
    void shiftWrapsAroundTheWeek() {
        assertThat(HourOfWeek.shift(0, -1)).isEqualTo(167);
        assertThat(HourOfWeek.shift(167, 1)).isZero();
        assertThat(HourOfWeek.label(24 + 3)).isEqualTo("Tue 03:00 UTC");
    }

    /** Every hour of the week, two digits and all, as the week's day and the UTC hour. */
    @Test
    void everyLabelNamesItsDayAndPaddedHour() {
        String[] days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        for (int index = 0; index < 168; index++) {
            String hour = (index % 24 < 10 ? "0" : "") + (index % 24);
            assertThat(HourOfWeek.label(index)).isEqualTo(days[index / 24] + " " + hour + ":00 UTC");
        }
        assertThat(HourOfWeek.label(167)).isEqualTo("Sun 23:00 UTC");
        assertThat(HourOfWeek.label(9)).isEqualTo("Mon 09:00 UTC");
    }
}
