package io.zerotrust.keycloak.bench.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code benchmarks/replay.sh}: what chosen settings would have done to a realm's recorded sign-ins, per day,
 * reason and user, beside what the server did. Writes {@code report.txt} to the output directory and to stdout.
 */
public final class RealmReplay {

    /** System property with the default output directory (the script sets it to the checkout's benchmarks/target/replay). */
    static final String OUT_PROPERTY = "replay.out";

    private RealmReplay() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].equals("--help")) {
            System.out.println(ReplayArguments.HELP);
            return;
        }
        ReplayArguments arguments;
        try {
            arguments = ReplayArguments.parse(args, Path.of(System.getProperty(OUT_PROPERTY, "benchmarks/target/replay")));
        } catch (IllegalArgumentException e) {
            System.err.println("replay: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Path report = run(arguments);
            System.out.println("\nWritten: " + report);
        } catch (IOException e) {
            // a file that cannot be read at all (missing, not the format given): no report, a plain message
            System.err.println("replay: " + arguments.file() + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /** Reads, replays and writes the report; prints it to stdout. */
    static Path run(ReplayArguments arguments) throws IOException {
        HistoryFormat format = arguments.format() != null ? arguments.format() : HistoryFormat.detect(arguments.file());
        RealmHistory history = format.read(arguments.file());
        ReplayTally tally = ReplayRun.run(history, arguments.settings());
        String text = ReplayReport.text(arguments.file().getFileName().toString(), history, tally);
        Files.createDirectories(arguments.out());
        Path report = arguments.out().resolve("report.txt");
        Files.writeString(report, text, StandardCharsets.UTF_8);
        System.out.print(text);
        return report;
    }
}
