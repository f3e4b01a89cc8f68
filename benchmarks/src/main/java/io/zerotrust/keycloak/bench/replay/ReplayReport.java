package io.zerotrust.keycloak.bench.replay;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** A replay's counts as text: a header explaining the rules, then Markdown tables, the setting sets side by side. */
public final class ReplayReport {

    static final int TOP_USERS = 10;

    private ReplayReport() {
    }

    public static String text(String source, RealmHistory history, ReplayTally tally) {
        List<ReplayTally.Column> columns = tally.columns();
        StringBuilder out = new StringBuilder();
        out.append("Replay of ").append(source).append(" (").append(history.format()).append("): ")
                .append(history.events()).append(" records, ").append(history.signIns().size())
                .append(" sign-ins replayed, ").append(history.failures().size()).append(" credential failures, ")
                .append(history.malformed().size()).append(" malformed.\n\n");
        out.append("""
                Rules. Sign-ins are Keycloak's LOGIN events and the LOGIN_ERROR refusals after a verified password \
                (zt_password_verified=true), in time order; days are UTC. Each setting set judges every sign-in with \
                the pack's real engine and evaluators and with what that set learned before it. MEDIUM counts as a \
                prompt (step-up), HIGH as a refusal. Learning: a sign-in teaches a set's profiles only if it would \
                have been verified under that set: LOW, or MEDIUM with its recorded step-up met \
                (zt_risk_verified=true in the original); HIGH (refused) teaches nothing. "recorded" is what the \
                server gave at the time.
                """);
        out.append("\nSetting sets:\n\n");
        for (ReplayTally.Column column : columns) {
            out.append("- ").append(column.name()).append(": ").append(column.description()).append('\n');
        }

        out.append("\nPer day: sign-ins, then prompts (MEDIUM) / refusals (HIGH) per set.\n\n| Day | Sign-ins |");
        columns.forEach(c -> out.append(' ').append(c.name()).append(" |"));
        out.append("\n|---|---|").append("---|".repeat(columns.size())).append('\n');
        Set<LocalDate> days = new TreeSet<>(columns.get(0).days().keySet());
        for (LocalDate day : days) {
            out.append("| ").append(day).append(" | ").append(columns.get(0).days().get(day).signIns()).append(" |");
            for (ReplayTally.Column column : columns) {
                ReplayTally.Day counts = column.days().get(day);
                out.append(' ').append(counts.prompts()).append(" / ").append(counts.refusals()).append(" |");
            }
            out.append('\n');
        }
        out.append("| all | ").append(history.signIns().size()).append(" |");
        columns.forEach(c -> out.append(' ').append(c.prompts()).append(" / ").append(c.refusals()).append(" |"));
        out.append("\n| taught the profile | |");
        columns.forEach(c -> out.append(' ').append(c.learned()).append(" |"));
        out.append('\n');

        out.append("\nReason codes: sign-ins at MEDIUM or HIGH with the code / all sign-ins with it.\n\n| Reason |");
        columns.forEach(c -> out.append(' ').append(c.name()).append(" |"));
        out.append("\n|---|").append("---|".repeat(columns.size())).append('\n');
        Set<String> codes = new TreeSet<>();
        columns.forEach(c -> codes.addAll(c.reasons().keySet()));
        for (String code : codes) {
            out.append("| ").append(code).append(" |");
            for (ReplayTally.Column column : columns) {
                ReplayTally.Reason reason = column.reasons().get(code);
                out.append(' ').append(reason == null ? "-" : reason.raised() + " / " + reason.signIns()).append(" |");
            }
            out.append('\n');
        }

        for (ReplayTally.Column column : columns) {
            out.append("\nUsers most often prompted, ").append(column.name())
                    .append(" (top ").append(TOP_USERS).append("):\n\n| User | Prompts | Refusals | Sign-ins |\n|---|---|---|---|\n");
            List<ReplayTally.User> users = column.mostPrompted(TOP_USERS);
            if (users.isEmpty()) {
                out.append("| (none) | 0 | 0 | |\n");
            }
            users.forEach(u -> out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", u.name(), u.prompts(),
                    u.refusals(), u.signIns())));
        }

        out.append("\nWhat could not be judged:\n\n");
        Unjudged.lines(history).forEach(line -> out.append("- ").append(line).append('\n'));
        if (!history.malformed().isEmpty()) {
            out.append("- Malformed records (skipped): ").append(history.malformed().size()).append(": ")
                    .append(String.join("; ", history.malformed().subList(0, Math.min(10, history.malformed().size()))))
                    .append(history.malformed().size() > 10 ? "; ..." : "").append('\n');
        }
        if (!history.skipped().isEmpty()) {
            out.append("- Skipped (not a sign-in): ").append(history.skipped()).append('\n');
        }
        return out.toString();
    }
}
