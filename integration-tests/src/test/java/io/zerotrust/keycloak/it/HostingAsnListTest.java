package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.geo.GeoIpFixtures;
import io.zerotrust.keycloak.risk.geo.GeoIpFixtures.AsnEntry;
import io.zerotrust.keycloak.risk.geo.HostingAsns;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server with a City and an ASN database and no Anonymous-IP database: a sign-in from an address of a network on
 * the shipped hosting-ASN list (AS16509, Amazon) gets {@code GEO_HOSTING_PROVIDER} and the event detail
 * {@code zt_geo_hosting=asn-list}; one from an ISP's network does not. {@link HostingAsnListFileTest} replaces the
 * list by the admin's own file.
 */
@KeycloakIntegrationTest(config = HostingAsnListTest.CityAndAsnOnlyServer.class)
class HostingAsnListTest {

    /** ASN database of these tests: Berlin's home ISP, an AWS network in Berlin, a small hoster in Vienna. */
    static final Path ASN_DB = RiskFixtures.DIR.resolve("hosting-asn.mmdb");
    /** AS of {@link RiskFixtures#VIENNA} here: on no shipped list, only on the admin's file. */
    static final long SMALL_HOSTER_ASN = 64520;

    @InjectAdminClient
    Keycloak admin;

    @InjectRealm(fromJson = "/zt-risk-realm.json", ref = "hosting-shipped")
    ManagedRealm realm;

    @Test
    void anAddressOfAListedCloudNetworkIsHostingWithoutTheAnonymousIpDatabase() throws Exception {
        Map<String, String> cloud = signIn(realm, RiskFixtures.BERLIN_VPN, "alice");
        assertThat(reasons(cloud)).contains("GEO_HOSTING_PROVIDER").doesNotContain("GEO_ANONYMOUS_VPN");
        assertThat(cloud).containsEntry("zt_geo_hosting", "asn-list");

        Map<String, String> home = signIn(realm, RiskFixtures.BERLIN, "bob");
        assertThat(reasons(home)).doesNotContain("GEO_HOSTING_PROVIDER");
        assertThat(home).doesNotContainKey("zt_geo_hosting");

        Map<String, String> smallHoster = signIn(realm, RiskFixtures.VIENNA, "carol");
        assertThat(reasons(smallHoster)).as("AS%d is on no shipped list", SMALL_HOSTER_ASN)
                .doesNotContain("GEO_HOSTING_PROVIDER");

        assertThat(admin.serverInfo().getInfo().getProviders().get("zt-geoip").getProviders().get("maxmind")
                .getOperationalInfo()).containsEntry("hosting-asn-list", "shipped list, "
                + HostingAsns.shipped().size() + " networks");
    }

    /** Signs the user in, in a fresh browser from {@code ip}, and returns the LOGIN event's details. */
    static Map<String, String> signIn(ManagedRealm realm, String ip, String username) throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(ip)) {
            HtmlPage page = browser.login(realm.getName(), username, username + "-Passw0rd!");
            assertThat(BrowserBehindProxy.signedIn(page)).as("%s signed in; page: %s", username, page.getUrl()).isTrue();
        }
        return LoginEvents.latest(realm, username).getDetails();
    }

    static List<String> reasons(Map<String, String> details) {
        return List.of(details.getOrDefault("zt_risk_reasons", "").split(","));
    }

    /** The pack with a City and an ASN database only, as a server without commercial GeoIP data has them. */
    public static class CityAndAsnOnlyServer implements KeycloakServerConfig {
        @Override
        public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
            RiskFixtures.writeOnce();
            GeoIpFixtures.writeAsnFixture(ASN_DB, List.of(
                    new AsnEntry("192.0.2.0/25", 64500, "Example Telecom DE"),
                    new AsnEntry("192.0.2.128/25", 16509, "Amazon.com, Inc."),
                    new AsnEntry("198.51.100.0/24", SMALL_HOSTER_ASN, "Example Hosting AT")));
            return ZeroTrustServerConfig.pack(config)
                    .spiOption("zt-geoip", "maxmind", "city-database", RiskFixtures.CITY_DB.toString())
                    .spiOption("zt-geoip", "maxmind", "asn-database", ASN_DB.toString());
        }
    }

    /** {@link CityAndAsnOnlyServer} with the admin's own hosting-ASN list, listing only the small hoster. */
    public static class OwnListServer extends CityAndAsnOnlyServer {
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
