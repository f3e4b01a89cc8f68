package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

import static io.zerotrust.keycloak.it.HostingAsnListTest.SMALL_HOSTER_ASN;
import static io.zerotrust.keycloak.it.HostingAsnListTest.reasons;
import static io.zerotrust.keycloak.it.HostingAsnListTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin's own hosting-ASN list ({@code hosting-asn-list-file}) replaces the shipped one: its network is
 * hosting, a network only the shipped list has (AS16509) no longer is; a list replaced on disk counts at once.
 */
@KeycloakIntegrationTest(config = HostingAsnListFileTest.OwnListServer.class)
class HostingAsnListFileTest {

    @InjectRealm(fromJson = "/zt-risk-realm.json", ref = "hosting-own")
    ManagedRealm realm;

    @Test
    void theAdminsListReplacesTheShippedOne() throws Exception {
        Map<String, String> ownListed = signIn(realm, RiskFixtures.VIENNA, "alice");
        assertThat(reasons(ownListed)).contains("GEO_HOSTING_PROVIDER");
        assertThat(ownListed).containsEntry("zt_geo_hosting", "asn-list");

        Map<String, String> shippedOnly = signIn(realm, RiskFixtures.TOKYO_CLOUD, "bob");
        assertThat(reasons(shippedOnly)).as("replaced, not added to").doesNotContain("GEO_HOSTING_PROVIDER");
    }

    /**
     * The admin replaces the list on disk (written beside it and renamed over, as a deployment does): within
     * reload-seconds (2 here) sign-ins are judged by the new list, without a restart. The original list is put back
     * the same way, and awaited, so that the other test sees it whatever the order.
     */
    @Test
    void aListReplacedOnDiskCountsWithoutARestart() throws Exception {
        try {
            replaceList("AS16509 # the admin now counts Amazon's networks, and no longer Example Hosting AT\n");

            await("the new list in use").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> reasons(signIn(realm, RiskFixtures.TOKYO_CLOUD, "bob")).contains("GEO_HOSTING_PROVIDER"));
            assertThat(reasons(signIn(realm, RiskFixtures.VIENNA, "alice"))).as("no longer listed")
                    .doesNotContain("GEO_HOSTING_PROVIDER");
        } finally {
            replaceList(OwnListServer.TEXT);
            await("the original list back").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> reasons(signIn(realm, RiskFixtures.VIENNA, "alice")).contains("GEO_HOSTING_PROVIDER"));
        }
    }

    private static void replaceList(String text) throws IOException {
        Path next = Files.writeString(OwnListServer.LIST.resolveSibling("own-hosting-asns.txt.new"), text, StandardCharsets.UTF_8);
        Files.move(next, OwnListServer.LIST, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The shared server with the admin's own hosting-ASN list, listing only the AS of Vienna's network. */
    public static class OwnListServer extends ZeroTrustServerConfig {
        static final Path LIST = RiskFixtures.DIR.resolve("own-hosting-asns.txt");
        static final String TEXT = "# our hosting networks\nAS" + SMALL_HOSTER_ASN + " # Example Hosting AT\n";

        @Override
        public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
            try {
                Files.createDirectories(RiskFixtures.DIR);
                Files.writeString(LIST, TEXT, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return super.configure(config).spiOption("zt-geoip", "maxmind", "hosting-asn-list-file", LIST.toString());
        }
    }
}
