package io.zerotrust.keycloak.bench.replay;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.zerotrust.keycloak.risk.engine.RiskLevel;

/**
 * The counts of a replay, one {@link Column} for the levels the server recorded and one per setting set: per day
 * (UTC), per reason code and per user.
 */
public final class ReplayTally {

    /** Counts of one way of judging the history. */
    public static final class Column {

        private final String name;
        private final String description;
        private final Map<LocalDate, Day> days = new TreeMap<>();
        private final Map<String, Reason> reasons = new TreeMap<>();
        private final Map<String, User> users = new TreeMap<>();
        private int unjudged;
        private int learned;

        Column(String name, String description) {
            this.name = name;
            this.description = description;
        }

        void add(RecordedSignIn signIn, RiskLevel level, List<String> codes, boolean taught) {
            Day day = days.computeIfAbsent(LocalDate.ofInstant(signIn.login().time(), ZoneOffset.UTC), d -> new Day());
            User user = users.computeIfAbsent(signIn.userLabel(), u -> new User(u));
            day.signIns++;
            user.signIns++;
            if (level == null) {
                unjudged++;
            } else if (level == RiskLevel.MEDIUM) {
                day.prompts++;
                user.prompts++;
            } else if (level == RiskLevel.HIGH) {
                day.refusals++;
                user.refusals++;
            }
            boolean raised = level == RiskLevel.MEDIUM || level == RiskLevel.HIGH;
            for (String code : codes) {
                Reason reason = reasons.computeIfAbsent(code, c -> new Reason());
                reason.signIns++;
                if (raised) {
                    reason.raised++;
                }
            }
            if (taught) {
                learned++;
            }
        }

        public String name() {
            return name;
        }

        public String description() {
            return description;
        }

        public Map<LocalDate, Day> days() {
            return days;
        }

        public Map<String, Reason> reasons() {
            return reasons;
        }

        public int prompts() {
            return days.values().stream().mapToInt(Day::prompts).sum();
        }

        public int refusals() {
            return days.values().stream().mapToInt(Day::refusals).sum();
        }

        /** Sign-ins without a level (recorded column: no assessment recorded). */
        public int unjudged() {
            return unjudged;
        }

        /** Sign-ins that taught the profile. */
        public int learned() {
            return learned;
        }

        /** The users most often prompted (then refused), at most {@code limit}, only those prompted or refused. */
        public List<User> mostPrompted(int limit) {
            return users.values().stream().filter(u -> u.prompts + u.refusals > 0)
                    .sorted(Comparator.comparingInt(User::prompts).reversed()
                            .thenComparing(Comparator.comparingInt(User::refusals).reversed())
                            .thenComparing(User::name))
                    .limit(limit).toList();
        }
    }

    /** One day's sign-ins, prompts (MEDIUM) and refusals (HIGH). */
    public static final class Day {
        private int signIns;
        private int prompts;
        private int refusals;

        public int signIns() {
            return signIns;
        }

        public int prompts() {
            return prompts;
        }

        public int refusals() {
            return refusals;
        }
    }

    /** How many sign-ins carried a reason code, and how many of them were MEDIUM or HIGH. */
    public static final class Reason {
        private int signIns;
        private int raised;

        public int signIns() {
            return signIns;
        }

        public int raised() {
            return raised;
        }
    }

    /** One user's sign-ins, prompts and refusals. */
    public static final class User {
        private final String name;
        private int signIns;
        private int prompts;
        private int refusals;

        User(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public int signIns() {
            return signIns;
        }

        public int prompts() {
            return prompts;
        }

        public int refusals() {
            return refusals;
        }
    }

    private final List<Column> columns = new ArrayList<>();

    Column column(String name, String description) {
        Column column = new Column(name, description);
        columns.add(column);
        return column;
    }

    /** The recorded column first, then one per setting set. */
    public List<Column> columns() {
        return List.copyOf(columns);
    }
}
