package io.zerotrust.keycloak.it;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static io.zerotrust.keycloak.it.HostingAsnListTest.reasons;
import static io.zerotrust.keycloak.it.HostingAsnListTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's own hosting-ASN list ({@code hosting-asn-list-file}) replaces the shipped one: its network is
 * hosting, a network only the shipped list has (AS16509) no longer is.
 */
@KeycloakIntegrationTest(config = HostingAsnListTest.OwnListServer.class)
class HostingAsnListFileTest {

    @InjectRealm(fromJson = "/zt-risk-realm.json", ref = "hosting-own")
    ManagedRealm realm;

    @Test
    void theAdminsListReplacesTheShippedOne() throws Exception {
        Map<String, String> ownListed = signIn(realm, RiskFixtures.VIENNA, "alice");
        assertThat(reasons(ownListed)).contains("GEO_HOSTING_PROVIDER");
        assertThat(ownListed).containsEntry("zt_geo_hosting", "asn-list");

        Map<String, String> shippedOnly = signIn(realm, RiskFixtures.BERLIN_VPN, "bob");
        assertThat(reasons(shippedOnly)).as("replaced, not added to").doesNotContain("GEO_HOSTING_PROVIDER");
    }
}
