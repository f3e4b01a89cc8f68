package io.zerotrust.keycloak.bench.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.zerotrust.keycloak.risk.engine.RiskPolicy;
import io.zerotrust.keycloak.risk.spi.OptionReader;

/**
 * The command line of {@code benchmarks/replay.sh}: the history file, its format, where the report goes, and one or
 * more setting sets ({@code --compare} starts the next one).
 *
 * @param file     the exported history
 * @param format   its format, or null to detect it
 * @param out      where {@code report.txt} goes
 * @param settings the setting sets, at least one
 */
public record ReplayArguments(Path file, HistoryFormat format, Path out, List<ReplaySettings> settings) {

    static final String HELP = """
            Usage: benchmarks/replay.sh <file> [options] [--compare [options]]...

            <file>: the zt-events file sink's JSON lines (file-path option), or a saved JSON array from
            GET /admin/realms/{realm}/events (detected by its first character; --format ocsf|admin-events forces it).

            Setting set options (each --compare starts another set, judged side by side with the same history):
              --name NAME                         label in the report (default A, B, C, ...)
              --medium-at N                       score (0-100) from which a sign-in is MEDIUM (default 30)
              --high-at N                         score from which a sign-in is HIGH (default 70)
              --weights id:w[,id:w...]            evaluator weights, as zt-risk-assessment's weights (default 1 each)
              --set <evaluator>.<option>=<value>  an evaluator option under its server-wide key, repeatable, e.g.
                                                  --set device.unknown-log-odds=1.0 --set login-failures.window-minutes=30
                                                  (evaluators: geo, impossible-travel, device, time, login-failures,
                                                  ip-reputation)
            Other options:
              --out DIR                           where report.txt goes (default benchmarks/target/replay)""";

    private static final Pattern SEPARATOR = Pattern.compile("[,\\s]+");

    /** @param defaultOut where the report goes without {@code --out} */
    public static ReplayArguments parse(String[] args, Path defaultOut) {
        Path file = null;
        HistoryFormat format = null;
        Path out = defaultOut;
        List<Map<String, String>> sets = new ArrayList<>();
        sets.add(new LinkedHashMap<>());
        for (int i = 0; i < args.length; i++) {
            Map<String, String> set = sets.get(sets.size() - 1);
            switch (args[i]) {
                case "--format" -> format = switch (value(args, ++i)) {
                    case "ocsf" -> HistoryFormat.OCSF;
                    case "admin-events" -> HistoryFormat.ADMIN_EVENTS;
                    default -> throw new IllegalArgumentException("--format is ocsf or admin-events, not " + args[i]);
                };
                case "--out" -> out = Path.of(value(args, ++i));
                case "--compare" -> sets.add(new LinkedHashMap<>());
                case "--name" -> set.put("name", value(args, ++i));
                case "--medium-at" -> set.put("mediumAt", value(args, ++i));
                case "--high-at" -> set.put("highAt", value(args, ++i));
                case "--weights" -> set.put("weights", value(args, ++i));
                case "--set" -> {
                    String option = value(args, ++i);
                    int dot = option.indexOf('.');
                    int equals = option.indexOf('=');
                    if (dot <= 0 || equals < dot + 2) {
                        throw new IllegalArgumentException("--set needs <evaluator>.<option>=<value>, not " + option);
                    }
                    set.put("set:" + option.substring(0, equals), option.substring(equals + 1));
                }
                default -> {
                    if (args[i].startsWith("--") || file != null) {
                        throw new IllegalArgumentException("unknown option " + args[i] + " (--help lists them)");
                    }
                    file = Path.of(args[i]);
                }
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("no history file given (--help)");
        }
        List<ReplaySettings> settings = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            settings.add(settings(sets.get(i), String.valueOf((char) ('A' + i))));
        }
        return new ReplayArguments(file, format, out, settings);
    }

    private static ReplaySettings settings(Map<String, String> set, String defaultName) {
        OptionReader options = OptionReader.collecting("replay", set::get);
        int mediumAt = options.integer("mediumAt", RiskPolicy.DEFAULT_MEDIUM_AT, 0, 100);
        int highAt = options.integer("highAt", RiskPolicy.DEFAULT_HIGH_AT, 0, 100);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String pair : options.list("weights", SEPARATOR)) {
            int colon = pair.indexOf(':');
            try {
                double weight = Double.parseDouble(pair.substring(colon + 1));
                if (colon <= 0 || !(weight >= 0) || Double.isInfinite(weight)) {
                    throw new NumberFormatException();
                }
                weights.put(pair.substring(0, colon), weight);
            } catch (RuntimeException e) {
                options.invalid("weights", pair, "expected id:number with number >= 0", null);
            }
        }
        if (mediumAt > highAt) {
            options.problem("--medium-at " + mediumAt + " is above --high-at " + highAt);
        }
        if (!options.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", options.problems()));
        }
        Map<String, Map<String, String>> evaluatorOptions = new LinkedHashMap<>();
        set.forEach((key, value) -> {
            if (key.startsWith("set:")) {
                String option = key.substring("set:".length());
                int dot = option.indexOf('.');
                evaluatorOptions.computeIfAbsent(option.substring(0, dot), id -> new LinkedHashMap<>())
                        .put(option.substring(dot + 1), value);
            }
        });
        ReplaySettings.check(evaluatorOptions);
        RiskPolicy defaults = RiskPolicy.defaults();
        RiskPolicy policy = new RiskPolicy(defaults.priorLogOdds(), weights, mediumAt, highAt, defaults.fallbackLevel(),
                defaults.enabled());
        return new ReplaySettings(set.getOrDefault("name", defaultName), policy, evaluatorOptions);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
