package io.zerotrust.keycloak.risk.time;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code access-windows} option: windows separated by {@code ;}, each
 * {@code <days> <HH:mm>-<HH:mm> <IANA zone>}. Days are three-letter English names, single ({@code Sat}),
 * ranges ({@code Mon-Fri}, which may wrap: {@code Fri-Mon}) or comma lists ({@code Mon,Wed,Fri}).
 * The zone is required: a silent default zone would shift every window by hours without anyone noticing.
 */
public final class AccessWindowParser {

    private static final Pattern WINDOW = Pattern.compile(
            "(?<days>\\S+)\\s+(?<start>\\d{1,2}:\\d{2})\\s*-\\s*(?<end>\\d{1,2}:\\d{2})\\s+(?<zone>\\S+)");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

    private AccessWindowParser() {
    }

    /**
     * @param spec the option value; null or blank means no windows
     * @return the windows in the order given
     * @throws IllegalArgumentException naming the first entry that cannot be read and why
     */
    public static List<AccessWindow> parse(String spec) {
        List<AccessWindow> windows = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return windows;
        }
        for (String entry : spec.split(";")) {
            if (!entry.isBlank()) {
                windows.add(parseWindow(entry.trim()));
            }
        }
        return List.copyOf(windows);
    }

    static AccessWindow parseWindow(String entry) {
        Matcher m = WINDOW.matcher(entry);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + entry + "' is not '<days> <HH:mm>-<HH:mm> <zone>'"
                    + ", e.g. 'Mon-Fri 07:00-19:00 Europe/Berlin'");
        }
        try {
            Set<DayOfWeek> days = parseDays(m.group("days"));
            int start = parseMinute(m.group("start"), false);
            int end = parseMinute(m.group("end"), true);
            return new AccessWindow(days, start, end, parseZone(m.group("zone")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + entry + "': " + e.getMessage(), e);
        }
    }

    static Set<DayOfWeek> parseDays(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",")) {
            int dash = part.indexOf('-');
            if (dash < 0) {
                days.add(parseDay(part));
                continue;
            }
            DayOfWeek from = parseDay(part.substring(0, dash));
            DayOfWeek to = parseDay(part.substring(dash + 1));
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                days.add(d);
                if (d == to) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek parseDay(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (t.length() == 3 && day.name().startsWith(t)) {
                return day;
            }
        }
        throw new IllegalArgumentException("unknown day '" + text + "' (use Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
    }

    private static int parseMinute(String text, boolean allowEndOfDay) {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad time '" + text + "'");
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        if (allowEndOfDay && hour == 24 && minute == 0) {
            return AccessWindow.MINUTES_PER_DAY;
        }
        if (hour > 23 || minute > 59) {
            throw new IllegalArgumentException("bad time '" + text + "'");
        }
        return hour * 60 + minute;
    }

    private static ZoneId parseZone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + text + "' (use an IANA name such as Europe/Berlin or UTC)");
        }
    }
}
