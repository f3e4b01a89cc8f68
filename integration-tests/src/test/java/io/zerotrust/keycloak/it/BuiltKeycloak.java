package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A fresh Keycloak 26.7.3 distribution with only the pack's jar in providers/, after {@code kc.sh build} with the
 * options the cluster's nodes run with: {@link ProviderJarBuildTest} judges the build's output, {@link KeycloakCluster}
 * copies the installation for its nodes. Built once per jar and options (target/kc-built), so the cluster execution
 * reuses what the default execution built instead of building again (about 40 s).
 */
final class BuiltKeycloak {

    static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--health-enabled=true", "--metrics-enabled=true",
            "--features=declarative-ui");
    private static final Path DIR = Path.of("target", "kc-built").toAbsolutePath();
    private static final Path LOG = DIR.resolve("build.log");
    private static final Path BUILT = DIR.resolve("built");

    /** The installation, the output of its build and the build's exit code. */
    record Build(Path home, List<String> output, int exitCode) {
    }

    private BuiltKeycloak() {
    }

    static synchronized Build get() throws IOException, InterruptedException {
        Path zip = Path.of(System.getProperty("zt.keycloakDistZip"));
        Path jar = Path.of(System.getProperty("zt.providerJar"));
        if (!Files.isRegularFile(zip) || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("Keycloak distribution " + zip + " or provider jar " + jar + " missing");
        }
        Path home = DIR.resolve("keycloak");
        String key = zip + " " + jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar) + " " + BUILD_OPTIONS;
        if (Files.exists(BUILT) && Files.readString(BUILT).startsWith(key + "\n")) {
            return new Build(home, Files.readAllLines(LOG, StandardCharsets.UTF_8),
                    Integer.parseInt(Files.readString(BUILT).substring(key.length() + 1).trim()));
        }
        deleteTree(DIR);
        Path unpacked = DIR.resolve("unpacked");
        unzip(zip, unpacked);
        try (Stream<Path> top = Files.list(unpacked)) {
            Files.move(top.findFirst().orElseThrow(), home);
        }
        Files.delete(unpacked);
        Files.copy(jar, home.resolve("providers").resolve(jar.getFileName()));
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        Process build = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(LOG.toFile()).start();
        if (!build.waitFor(5, TimeUnit.MINUTES)) {
            build.destroyForcibly();
            throw new IllegalStateException("kc.sh build did not finish in 5 minutes; output in " + LOG);
        }
        Files.writeString(BUILT, key + "\n" + build.exitValue() + "\n");
        return new Build(home, Files.readAllLines(LOG, StandardCharsets.UTF_8), build.exitValue());
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Stream<Path> scripts = Files.list(target).map(home -> home.resolve("bin"))) {
            scripts.forEach(bin -> bin.resolve("kc.sh").toFile().setExecutable(true));
        }
    }

    /** Copies the tree with its files' times: kc.sh rebuilds when a provider jar looks newer than the build. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source));
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
