package io.zerotrust.keycloak.risk.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One admin-defined period in which sign-ins are expected, e.g. {@code Mon-Fri 07:00-19:00 Europe/Berlin}.
 * Times are wall-clock times in {@code zone}, so a window keeps its local meaning across DST changes. A window
 * whose end is not after its start crosses midnight: {@code Fri 22:00-06:00} runs from Friday 22:00 to
 * Saturday 06:00, i.e. the days name the day the window starts.
 *
 * @param days        days on which the window starts
 * @param startMinute minute of the day the window opens, in {@code [0, 1439]}
 * @param endMinute   minute of the day it closes (exclusive), in {@code [0, 1440]}; 1440 is {@code 24:00}
 * @param zone        the zone in which the times are read
 */
public record AccessWindow(Set<DayOfWeek> days, int startMinute, int endMinute, ZoneId zone) {

    static final int MINUTES_PER_DAY = 24 * 60;

    public AccessWindow {
        Objects.requireNonNull(zone, "zone");
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("an access window needs at least one day");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
        if (startMinute < 0 || startMinute >= MINUTES_PER_DAY) {
            throw new IllegalArgumentException("start minute out of range: " + startMinute);
        }
        if (endMinute < 0 || endMinute > MINUTES_PER_DAY) {
            throw new IllegalArgumentException("end minute out of range: " + endMinute);
        }
        if (startMinute == endMinute) {
            // Either empty or a full day: ambiguous, so the admin must say 00:00-24:00
            throw new IllegalArgumentException("start and end are equal; write 00:00-24:00 for a whole day");
        }
    }

    /** Whether {@code instant}, read as wall-clock time in {@link #zone}, falls inside this window. */
    public boolean contains(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        int minute = local.getHour() * 60 + local.getMinute();
        DayOfWeek day = local.getDayOfWeek();
        if (startMinute < endMinute) {
            return days.contains(day) && minute >= startMinute && minute < endMinute;
        }
        // Crossing midnight: the evening part belongs to today, the morning part to the window that opened yesterday
        return (days.contains(day) && minute >= startMinute)
                || (days.contains(day.minus(1)) && minute < endMinute);
    }
}
