package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GeoIP file overwritten in place while the server has it memory-mapped (a {@code cp} over the live file instead
 * of a rename): the mapping faults, and the sign-in must go on at the fallback level instead of a 500; once a
 * complete file is back the server opens it again. The server has its own copy of the city database, so the
 * shared fixtures stay intact.
 */
@KeycloakIntegrationTest(config = GeoIpReplacedInPlaceTest.OwnCityCopyServer.class)
class GeoIpReplacedInPlaceTest {

    static final Path CITY_COPY = RiskFixtures.DIR.resolve("city-replaced-in-place.mmdb");

    @InjectRealm(fromJson = "/zt-risk-realm.json", ref = "geo-in-place")
    ManagedRealm realm;

    @Test
    void aFileOverwrittenWhileMappedLeavesTheSignInAtTheFallbackLevelAndIsReopened() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(reasons(login(browser))).doesNotContain("GEO_UNAVAILABLE");

            try (FileChannel channel = FileChannel.open(CITY_COPY, StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }
            Map<String, String> broken = login(browser.from(RiskFixtures.VIENNA));
            assertThat(reasons(broken)).contains("GEO_UNAVAILABLE");
            assertThat(broken.get("zt_risk_level")).isIn("MEDIUM", "HIGH");

            // The new release arrives (here: copied in place again); the server checks its files every 30 s
            Files.copy(RiskFixtures.CITY_DB, CITY_COPY, StandardCopyOption.REPLACE_EXISTING);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            String reasons;
            do {
                reasons = reasons(login(browser.from(RiskFixtures.BERLIN)));
            } while (reasons.contains("GEO_UNAVAILABLE") && Instant.now().isBefore(deadline) && pause());
            assertThat(reasons).as("located again after the file was replaced").doesNotContain("GEO_UNAVAILABLE");
        }
    }

    private Map<String, String> login(BrowserBehindProxy browser) throws Exception {
        browser.endSession();
        HtmlPage page = browser.login(realm.getName(), "alice", "alice-Passw0rd!");
        assertThat(BrowserBehindProxy.signedIn(page)).as("signed in, not an error page: %s", page.getUrl()).isTrue();
        return LoginEvents.latest(realm, "alice").getDetails();
    }

    private static String reasons(Map<String, String> details) {
        return details.getOrDefault("zt_risk_reasons", "");
    }

    /** Between polls of the server's state; true so it can sit in the loop condition. */
    private static boolean pause() throws InterruptedException {
        Thread.sleep(2000);
        return true;
    }

    public static class OwnCityCopyServer extends ZeroTrustServerConfig {
        @Override
        public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
            KeycloakServerConfigBuilder builder = super.configure(config);
            try {
                Files.copy(RiskFixtures.CITY_DB, CITY_COPY, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return builder.spiOption("zt-geoip", "maxmind", "city-database", CITY_COPY.toString());
        }
    }
}
