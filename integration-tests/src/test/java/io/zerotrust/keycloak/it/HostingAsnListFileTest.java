package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * The admin's own hosting-ASN list ({@code hosting-asn-list-file}) replaces the shipped one: its network is
 * hosting, a network only the shipped list has (AS16509) no longer is.
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

    /** The shared server with the admin's own hosting-ASN list, listing only the AS of Vienna's network. */
    public static class OwnListServer extends ZeroTrustServerConfig {
        static final Path LIST = RiskFixtures.DIR.resolve("own-hosting-asns.txt");

        @Override
        public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
            try {
                Files.createDirectories(RiskFixtures.DIR);
                Files.writeString(LIST, "# our hosting networks\nAS" + SMALL_HOSTER_ASN + " # Example Hosting AT\n",
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return super.configure(config).spiOption("zt-geoip", "maxmind", "hosting-asn-list-file", LIST.toString());
        }
    }
}
