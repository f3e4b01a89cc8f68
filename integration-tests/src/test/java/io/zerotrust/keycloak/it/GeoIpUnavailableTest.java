package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server whose configured GeoIP databases are missing or corrupt: it says so at startup (with the path and
 * cause, visible in the admin console's provider info), and sign-ins still work at the fallback level.
 */
@KeycloakIntegrationTest(config = GeoIpUnavailableTest.BrokenGeoIpServer.class)
class GeoIpUnavailableTest {

    static final Path MISSING_CITY = RiskFixtures.DIR.resolve("does-not-exist.mmdb");
    static final Path CORRUPT_ASN = RiskFixtures.DIR.resolve("corrupt-asn.mmdb");

    @InjectAdminClient
    Keycloak admin;

    @InjectRealm(fromJson = "/zt-risk-realm.json", ref = "geo-broken")
    ManagedRealm realm;

    @Test
    void brokenDatabasesAreReportedWithPathAndCause() {
        Map<String, String> info = admin.serverInfo().getInfo().getProviders().get("zt-geoip")
                .getProviders().get("maxmind").getOperationalInfo();

        assertThat(String.join("\n", info.values())).contains(MISSING_CITY.toString()).contains(CORRUPT_ASN.toString());
    }

    @Test
    void signInStillWorksAtTheFallbackLevel() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            HtmlPage page = browser.login(realm.getName(), "grace", "grace-Passw0rd!");

            assertThat(BrowserBehindProxy.signedIn(page)).as("signed in, not an error page: %s", page.getUrl()).isTrue();
        }
        Map<String, String> details = LoginEvents.latest(realm, "grace").getDetails();
        assertThat(details).containsEntry("zt_risk_level", "MEDIUM");
        assertThat(details.get("zt_risk_reasons")).contains("GEO_UNAVAILABLE", "IMPOSSIBLE_TRAVEL_UNAVAILABLE");
    }

    public static class BrokenGeoIpServer extends ZeroTrustServerConfig {
        @Override
        public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
            try {
                Files.createDirectories(RiskFixtures.DIR);
                Files.writeString(CORRUPT_ASN, "this is not a MaxMind database", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return super.configure(config)
                    .spiOption("zt-geoip", "maxmind", "city-database", MISSING_CITY.toString())
                    .spiOption("zt-geoip", "maxmind", "asn-database", CORRUPT_ASN.toString());
        }
    }
}
