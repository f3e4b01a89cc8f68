package io.zerotrust.keycloak.risk.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

import io.zerotrust.keycloak.risk.profile.UserRiskProfile;

/**
 * The hour-of-week bin of an instant, shared by the time evaluator and the profile learner so both count the
 * same bins. Bins are in UTC (Monday 00:00-00:59 UTC = 0, Sunday 23:00 UTC = 167): a user's rhythm is learned
 * as observed, without guessing their zone, and UTC has no DST jumps that would split or merge bins.
 */
public final class HourOfWeek {

    private HourOfWeek() {
    }

    /** @return {@code (dayOfWeek - 1) * 24 + hour}, both in UTC, in {@code [0, 167]} */
    public static int index(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        return (utc.getDayOfWeek().getValue() - 1) * 24 + utc.getHour();
    }

    /** The bin {@code offset} hours away, wrapping around the week (Sunday 23:00 is next to Monday 00:00). */
    public static int shift(int index, int offset) {
        return Math.floorMod(index + offset, UserRiskProfile.HOURS_PER_WEEK);
    }

    /** E.g. {@code Tue 03:00 UTC}, for messages. */
    public static String label(int index) {
        DayOfWeek day = DayOfWeek.of(index / 24 + 1);
        String name = day.name().charAt(0) + day.name().substring(1, 3).toLowerCase(Locale.ROOT);
        int hour = index % 24;
        return name + (hour < 10 ? " 0" : " ") + hour + ":00 UTC";
    }
}
