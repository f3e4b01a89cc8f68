package io.zerotrust.keycloak.risk.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessWindowTest {

    @Test
    void parsesSeveralWindowsWithRangesListsAndZones() {
        List<AccessWindow> windows = AccessWindowParser.parse(
                "Mon-Fri 07:00-19:00 Europe/Berlin; Sat 09:00-13:00 Europe/Berlin;mon,wed 8:00-24:00 UTC");

        assertThat(windows).hasSize(3);
        assertThat(windows.get(0).days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(windows.get(0).startMinute()).isEqualTo(7 * 60);
        assertThat(windows.get(1).days()).containsExactly(DayOfWeek.SATURDAY);
        assertThat(windows.get(2).days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
        assertThat(windows.get(2).endMinute()).isEqualTo(24 * 60);
    }

    @Test
    void dayRangesMayWrapAroundTheWeekend() {
        assertThat(AccessWindowParser.parseDays("Fri-Mon"))
                .containsExactlyInAnyOrder(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
    }

    @Test
    void blankMeansNoWindows() {
        assertThat(AccessWindowParser.parse(null)).isEmpty();
        assertThat(AccessWindowParser.parse("  ; ")).isEmpty();
    }

    @Test
    void rejectsMalformedEntriesNamingThem() {
        assertThatThrownBy(() -> AccessWindowParser.parse("Mon-Fri 07:00-19:00")).hasMessageContaining("Mon-Fri 07:00-19:00");
        assertThatThrownBy(() -> AccessWindowParser.parse("Mon-Fri 07:00-19:00 Mars/Olympus")).hasMessageContaining("Mars/Olympus");
        assertThatThrownBy(() -> AccessWindowParser.parse("Xyz 07:00-19:00 UTC")).hasMessageContaining("Xyz");
        assertThatThrownBy(() -> AccessWindowParser.parse("Mon 25:00-19:00 UTC")).hasMessageContaining("25:00");
        assertThatThrownBy(() -> AccessWindowParser.parse("Mon 09:00-09:00 UTC")).hasMessageContaining("00:00-24:00");
    }

    @Test
    void windowsAreReadInTheirZoneAcrossDst() {
        AccessWindow office = AccessWindowParser.parse("Mon-Fri 07:00-19:00 Europe/Berlin").get(0);

        // Winter (CET, UTC+1): 06:30 UTC = 07:30 local, inside; 05:30 UTC = 06:30 local, outside
        assertThat(office.contains(Instant.parse("2026-01-14T06:30:00Z"))).isTrue();
        assertThat(office.contains(Instant.parse("2026-01-14T05:30:00Z"))).isFalse();
        // Summer (CEST, UTC+2): 05:30 UTC = 07:30 local, inside; 17:30 UTC = 19:30 local, outside
        assertThat(office.contains(Instant.parse("2026-07-15T05:30:00Z"))).isTrue();
        assertThat(office.contains(Instant.parse("2026-07-15T17:30:00Z"))).isFalse();
        // Saturday is not a working day
        assertThat(office.contains(Instant.parse("2026-07-18T10:00:00Z"))).isFalse();
    }

    @Test
    void windowsCrossingMidnightBelongToTheDayTheyStart() {
        AccessWindow night = AccessWindowParser.parse("Fri 22:00-06:00 UTC").get(0);

        assertThat(night.contains(Instant.parse("2026-03-06T23:00:00Z"))).isTrue();  // Friday night
        assertThat(night.contains(Instant.parse("2026-03-07T05:59:00Z"))).isTrue();  // Saturday morning
        assertThat(night.contains(Instant.parse("2026-03-07T06:00:00Z"))).isFalse(); // end is exclusive
        assertThat(night.contains(Instant.parse("2026-03-06T05:00:00Z"))).isFalse(); // Friday morning: Thursday's window, not configured
        assertThat(night.contains(Instant.parse("2026-03-07T23:00:00Z"))).isFalse(); // Saturday night
    }
}
