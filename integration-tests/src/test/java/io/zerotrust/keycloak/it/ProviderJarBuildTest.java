package io.zerotrust.keycloak.it;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `kc.sh build` of a fresh Keycloak 26.7.3 with only our jar in providers/ ({@link BuiltKeycloak}) succeeds and warns
 * about nothing: the jar brings every class it needs that Keycloak does not ship, and nothing that clashes.
 */
class ProviderJarBuildTest {

    @Test
    void keycloakBuildAcceptsTheProviderJarWithoutWarnings() throws Exception {
        BuiltKeycloak.Build build = BuiltKeycloak.get();

        assertThat(build.exitCode()).as("kc.sh build exit code; output:%n%s", String.join("\n", build.output())).isZero();
        assertThat(build.output()).as("kc.sh build output").anyMatch(line -> line.contains("Server configuration updated and persisted"));
        assertThat(build.output()).as("kc.sh build output").noneMatch(line -> line.contains("ClassNotFound")
                || line.contains("NoClassDefFound") || line.contains("Unable to load") || line.contains("ERROR"));
        assertThat(build.output().stream().filter(line -> line.contains("WARN")).filter(line -> !isKnownKeycloakNotice(line)))
                .as("warnings from kc.sh build")
                .isEmpty();
    }

    /**
     * Notices Keycloak prints for any installation: its own deprecated features, KC-SERVICES0047, which it prints for
     * every custom provider of an SPI it marks internal (authenticator, event listener, JPA entities), and the
     * experimental feature the build enables for the pack's realm page.
     */
    private static boolean isKnownKeycloakNotice(String line) {
        return line.contains("[org.keycloak.common.Profile]") && line.contains("Deprecated features")
                || line.contains("[org.keycloak.common.Profile]") && line.contains("Experimental features enabled: declarative-ui")
                || line.contains("KC-SERVICES0047") && line.contains("(io.zerotrust.keycloak.")
                && line.contains("is implementing the internal SPI");
    }
}
