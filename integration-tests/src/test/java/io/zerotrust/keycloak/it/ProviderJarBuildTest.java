package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `kc.sh build` of a fresh Keycloak 26.7.3 with only our jar in providers/ succeeds and warns about nothing:
 * the jar brings every class it needs that Keycloak does not ship, and nothing that clashes.
 */
class ProviderJarBuildTest {

    @Test
    void keycloakBuildAcceptsTheProviderJarWithoutWarnings() throws Exception {
        Path zip = Path.of(System.getProperty("zt.keycloakDistZip"));
        Path jar = Path.of(System.getProperty("zt.providerJar"));
        assertThat(zip).as("Keycloak distribution resolved by Maven").isRegularFile();
        assertThat(jar).as("provider jar built by the distribution module").isRegularFile();

        Path installation = Path.of("target", "kc-build-check").toAbsolutePath();
        Path home = unzipOnce(zip, installation);
        Files.copy(jar, home.resolve("providers").resolve("keycloak-zero-trust.jar"), StandardCopyOption.REPLACE_EXISTING);

        Path log = installation.resolve("build.log");
        Process build = new ProcessBuilder(home.resolve("bin").resolve("kc.sh").toString(), "build", "--db=dev-file")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!build.waitFor(5, TimeUnit.MINUTES)) {
            build.destroyForcibly();
            throw new AssertionError("kc.sh build did not finish in 5 minutes; output in " + log.toAbsolutePath());
        }
        List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);

        assertThat(build.exitValue()).as("kc.sh build exit code; output:%n%s", String.join("\n", output)).isZero();
        assertThat(output).as("kc.sh build output").anyMatch(line -> line.contains("Server configuration updated and persisted"));
        assertThat(output).as("kc.sh build output").noneMatch(line -> line.contains("ClassNotFound")
                || line.contains("NoClassDefFound") || line.contains("Unable to load") || line.contains("ERROR"));
        assertThat(output.stream().filter(line -> line.contains("WARN")).filter(line -> !isKnownKeycloakNotice(line)))
                .as("warnings from kc.sh build")
                .isEmpty();
    }

    /**
     * Notices Keycloak prints for any installation: its own deprecated features, and KC-SERVICES0047, which it
     * prints for every custom provider of an SPI it marks internal (authenticator, event listener, JPA entities).
     */
    private static boolean isKnownKeycloakNotice(String line) {
        return line.contains("[org.keycloak.common.Profile]") && line.contains("Deprecated features")
                || line.contains("KC-SERVICES0047") && line.contains("(io.zerotrust.keycloak.")
                && line.contains("is implementing the internal SPI");
    }

    private static Path unzipOnce(Path zip, Path target) throws IOException {
        Path marker = target.resolve(".unzipped");
        if (!Files.exists(marker)) {
            try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
                for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                    Path out = target.resolve(entry.getName()).normalize();
                    if (!out.startsWith(target.normalize())) {
                        throw new IOException("zip entry outside target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.writeString(marker, zip.toString());
        }
        try (var dirs = Files.list(target)) {
            Path home = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
            home.resolve("bin").resolve("kc.sh").toFile().setExecutable(true);
            return home;
        }
    }
}
