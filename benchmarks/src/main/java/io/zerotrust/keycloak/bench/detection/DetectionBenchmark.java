package io.zerotrust.keycloak.bench.detection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

/**
 * {@code benchmarks/detection.sh}: how many legitimate sign-ins each model asks to re-authenticate for how many
 * attacks it catches, the pack against the Freeman et al. baseline, on synthetic histories from a seed. Writes
 * {@code report.txt} and {@code roc.png} to the output directory and the report to stdout.
 */
public final class DetectionBenchmark {

    private DetectionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long seed = 1;
        int users = 4000;
        int attacks = 2000;
        Path out = Path.of("benchmarks/target/detection");
        Set<String> without = new LinkedHashSet<>();
        World.GeoIp geoIp = World.GeoIp.ANONYMOUS_IP;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--users" -> users = Integer.parseInt(value(args, ++i));
                case "--attacks" -> attacks = Integer.parseInt(value(args, ++i));
                case "--out" -> out = Path.of(value(args, ++i));
                case "--geoip" -> geoIp = switch (value(args, ++i)) {
                    case "anonymous-ip" -> World.GeoIp.ANONYMOUS_IP;
                    case "city-asn" -> World.GeoIp.CITY_ASN;
                    case "city-asn-list" -> World.GeoIp.CITY_ASN_HOSTING_LIST;
                    default -> throw new IllegalArgumentException("--geoip: anonymous-ip, city-asn or city-asn-list");
                };
                case "--without" -> {
                    for (String id : value(args, ++i).split(",")) {
                        if (!PackScorer.defaultEvaluatorIds().contains(id.trim())) {
                            throw new IllegalArgumentException("--without: no evaluator " + id.trim() + " (one of "
                                    + PackScorer.defaultEvaluatorIds() + ")");
                        }
                        without.add(id.trim());
                    }
                }
                case "--help" -> {
                    System.out.println("""
                            Options:
                              --seed N      seed of the synthetic histories and attacks (default 1); same seed, same figures
                              --users N     synthetic users (default 4000)
                              --attacks N   attacks per attacker model and history length (default 2000)
                              --out DIR     where report.txt and roc.png go (default benchmarks/target/detection)
                              --geoip G     the GeoIP databases: anonymous-ip (City + ASN + Anonymous-IP, default),
                                            city-asn (no anonymity flags), city-asn-list (City + ASN + hosting-ASN list)
                              --without ID,...  leave these evaluators out, e.g. address-block, to measure what one adds""");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--help lists them)");
            }
        }
        Set<String> left = Set.copyOf(without);
        List<Judged> judged = new DetectionRun(seed, users, attacks, () -> new PackScorer(left), geoIp).run();
        DetectionFigures figures = DetectionFigures.of(judged);
        int legitimate = (int) judged.stream().filter(j -> j.trial().attacker() == null).count();
        String setting = without.isEmpty() ? "Pack at its defaults" : "Pack at its defaults without "
                + String.join(", ", without);
        String report = DetectionReport.text(figures, seed, users, legitimate, geoIp == World.GeoIp.ANONYMOUS_IP
                ? setting : setting + ", GeoIP " + geoIp.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.txt"), report, StandardCharsets.UTF_8);
        ImageIO.write(RocPlot.draw(figures), "png", out.resolve("roc.png").toFile());
        System.out.print(report);
        System.out.println("\nWritten: " + out.resolve("report.txt") + ", " + out.resolve("roc.png"));
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
