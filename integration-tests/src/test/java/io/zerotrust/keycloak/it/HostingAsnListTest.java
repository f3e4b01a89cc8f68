package io.zerotrust.keycloak.it;

import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.geo.HostingAsns;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped hosting-ASN list on the shared server: a sign-in from an address of a network on it (AS16509, Amazon)
 * that the Anonymous-IP database does not flag gets {@code GEO_HOSTING_PROVIDER} and the event detail
 * {@code zt_geo_hosting=asn-list}, as on a server with free GeoIP data only; one from an ISP's network does not.
 * {@link HostingAsnListFileTest} replaces the list by the admin's own file.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class HostingAsnListTest {

    /** AS of {@link RiskFixtures#VIENNA}, here and in {@link HostingAsnListFileTest}: on no shipped list. */
    static final long SMALL_HOSTER_ASN = 64520;

    @InjectAdminClient
    Keycloak admin;

    @InjectRealm(fromJson = "/zt-risk-realm.json", ref = "hosting-shipped")
    ManagedRealm realm;

    @Test
    void anAddressOfAListedCloudNetworkIsHostingByTheListAlone() throws Exception {
        Map<String, String> cloud = signIn(realm, RiskFixtures.TOKYO_CLOUD, "alice");
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
}
