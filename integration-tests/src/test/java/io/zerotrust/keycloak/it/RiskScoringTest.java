package io.zerotrust.keycloak.it;

import java.util.List;
import java.util.Map;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static io.zerotrust.keycloak.it.RiskFixtures.BERLIN;
import static io.zerotrust.keycloak.it.RiskFixtures.BERLIN_HOME_LINE;
import static io.zerotrust.keycloak.it.RiskFixtures.BERLIN_OTHER_LINE;
import static io.zerotrust.keycloak.it.RiskFixtures.BERLIN_SPRAY_SOURCE;
import static io.zerotrust.keycloak.it.RiskFixtures.BERLIN_TOR;
import static io.zerotrust.keycloak.it.RiskFixtures.BERLIN_VPN;
import static io.zerotrust.keycloak.it.RiskFixtures.TOKYO;
import static io.zerotrust.keycloak.it.RiskFixtures.VIENNA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The risk engine on a real server: logins arrive through the trusted proxy from chosen addresses, and the
 * verdict the zt-risk-assessment step recorded on the LOGIN event is checked. Every user first signs in once
 * from Berlin on their own browser, which the pack learns (home country, network, device) after the login.
 *
 * <p>These tests drive HtmlUnit directly, whatever KC_TEST_BROWSER says: they need to set X-Forwarded-For per
 * request, which the Chromium driver cannot do.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class RiskScoringTest {

    private static final String REALM = "zt-risk";

    @InjectRealm(fromJson = "/zt-risk-realm.json", ref = "risk")
    ManagedRealm realm;

    @Test
    void returningUserOnKnownDeviceFromKnownPlaceIsLow() throws Exception {
        try (BrowserBehindProxy browser = signedInOnceFromBerlin("alice")) {
            Verdict verdict = login(browser, "alice");

            assertThat(verdict.level()).isEqualTo("LOW");
            assertThat(verdict.reasons()).contains("DEVICE_KNOWN", "GEO_KNOWN_CITY", "GEO_KNOWN_NETWORK")
                    .doesNotContain("DEVICE_UNKNOWN", "GEO_NEW_COUNTRY");
        }
    }

    @Test
    void firstLoginOfANewUserIsAColdStartNotAnAlarm() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(BERLIN)) {
            Verdict verdict = login(browser, "heidi");

            assertThat(verdict.level()).isEqualTo("LOW");
            assertThat(verdict.reasons()).contains("DEVICE_UNKNOWN").doesNotContain("GEO_NEW_COUNTRY");
        }
    }

    @Test
    void newCountryIsMedium() throws Exception {
        try (BrowserBehindProxy browser = signedInOnceFromBerlin("bob")) {
            Verdict verdict = login(browser.from(VIENNA), "bob");

            assertThat(verdict.level()).isEqualTo("MEDIUM");
            assertThat(verdict.reasons()).contains("GEO_NEW_COUNTRY", "GEO_NEW_NETWORK", "DEVICE_KNOWN")
                    .doesNotContain("IMPOSSIBLE_TRAVEL");
        }
    }

    @Test
    void impossibleTravelIsHigh() throws Exception {
        try (BrowserBehindProxy browser = signedInOnceFromBerlin("carol")) {
            Verdict verdict = login(browser.from(TOKYO), "carol");

            assertThat(verdict.level()).isEqualTo("HIGH");
            assertThat(verdict.reasons()).contains("IMPOSSIBLE_TRAVEL", "GEO_NEW_COUNTRY");
        }
    }

    @Test
    void anonymousVpnIsMediumAndTorIsHigh() throws Exception {
        try (BrowserBehindProxy browser = signedInOnceFromBerlin("dave")) {
            Verdict vpn = login(browser.from(BERLIN_VPN), "dave");
            assertThat(vpn.level()).isEqualTo("MEDIUM");
            assertThat(vpn.reasons()).contains("GEO_ANONYMOUS_VPN", "GEO_HOSTING_PROVIDER");

            Verdict tor = login(browser.from(BERLIN_TOR), "dave");
            assertThat(tor.level()).isEqualTo("HIGH");
            assertThat(tor.reasons()).contains("IP_TOR_EXIT", "GEO_TOR_EXIT");
        }
    }

    @Test
    void badPostureSignatureIsHighAndAVerifiedPostureReassures() throws Exception {
        try (BrowserBehindProxy browser = signedInOnceFromBerlin("erin")) {
            Verdict forged = login(browser.header("X-Device-Posture", RiskFixtures.forgedPosture(RiskFixtures.compliantClaims())), "erin");
            assertThat(forged.level()).isEqualTo("HIGH");
            assertThat(forged.reasons()).contains("POSTURE_BAD_SIGNATURE");

            Verdict trusted = login(browser.header("X-Device-Posture", RiskFixtures.trustedPosture(
                    RiskFixtures.boundClaims(REALM, RiskFixtures.deviceId(browser), -5))), "erin");
            assertThat(trusted.level()).isEqualTo("LOW");
            assertThat(trusted.reasons()).contains("POSTURE_COMPLIANT").doesNotContain("POSTURE_MISSING");
        }
    }

    @Test
    void passwordSprayFromOneAddressMakesTheNextLoginFromItHigh() throws Exception {
        try (BrowserBehindProxy attacker = new BrowserBehindProxy(BERLIN_SPRAY_SOURCE)) {
            for (int i = 1; i <= 6; i++) {
                HtmlPage page = attacker.login(REALM, "victim0" + i, "Winter2026!");
                assertThat(BrowserBehindProxy.signedIn(page)).isFalse();
                attacker.endSession();
            }
        }
        try (BrowserBehindProxy browser = signedInOnceFromBerlin("frank")) {
            Verdict verdict = login(browser.from(BERLIN_SPRAY_SOURCE), "frank");

            assertThat(verdict.level()).isEqualTo("HIGH");
            assertThat(verdict.reasons()).contains("PASSWORD_SPRAY_IP");
        }
    }

    @Test
    void anotherAddressBlockOfTheUsersOwnIspIsUnusualAndRaisesAnUnknownBrowserToHigh() throws Exception {
        RealmUsers.createWithPassword(realm, "olaf");
        try (BrowserBehindProxy own = new BrowserBehindProxy(BERLIN_HOME_LINE)) {
            for (int i = 0; i < 3; i++) {
                Verdict home = login(own, "olaf");
                assertThat(home.level()).as("verified sign-in %d from the home line", i + 1).isEqualTo("LOW");
            }
            Verdict usual = login(own, "olaf");
            assertThat(usual.reasons()).contains("GEO_USUAL_ADDRESS_BLOCK", "GEO_KNOWN_NETWORK")
                    .doesNotContain("GEO_UNUSUAL_ADDRESS_BLOCK");

            // Whoever has the password and the victim's ISP but neither their line nor their browser: an unknown
            // browser without posture alone is MEDIUM here (score 33), the block makes it HIGH (74). Only LOW
            // sign-ins are verified in this realm, so neither teaches the profile
            try (BrowserBehindProxy stranger = new BrowserBehindProxy(BERLIN_OTHER_LINE)) {
                Verdict attack = login(stranger, "olaf");
                assertThat(attack.level()).as("%s", attack).isEqualTo("HIGH");
                assertThat(attack.reasons()).contains("GEO_UNUSUAL_ADDRESS_BLOCK", "DEVICE_UNKNOWN", "GEO_KNOWN_NETWORK");
            }

            // The user's own browser, same ISP and city, another /48: the block alone differs
            Verdict elsewhere = login(own.from(BERLIN_OTHER_LINE), "olaf");
            assertThat(elsewhere.reasons()).contains("GEO_UNUSUAL_ADDRESS_BLOCK", "GEO_KNOWN_NETWORK", "GEO_KNOWN_CITY",
                    "DEVICE_KNOWN").doesNotContain("GEO_NEW_NETWORK", "GEO_USUAL_ADDRESS_BLOCK");
            assertThat(elsewhere.score()).isGreaterThan(usual.score());
        }
    }

    /** A browser of the user's own that has signed in once from Berlin, so the pack knows it. */
    private BrowserBehindProxy signedInOnceFromBerlin(String username) throws Exception {
        BrowserBehindProxy browser = new BrowserBehindProxy(BERLIN);
        Verdict first = login(browser, username);
        assertThat(first.reasons()).as("first login of %s", username).contains("DEVICE_UNKNOWN");
        return browser;
    }

    /** Signs in with the user's password in a fresh session and returns the recorded verdict. */
    private Verdict login(BrowserBehindProxy browser, String username) throws Exception {
        browser.endSession();
        HtmlPage page = browser.login(REALM, username, username + "-Passw0rd!");
        assertThat(BrowserBehindProxy.signedIn(page)).as("%s signed in; page: %s", username, page.getUrl()).isTrue();
        return latestLogin(username);
    }

    private Verdict latestLogin(String username) {
        Map<String, String> details = LoginEvents.latest(realm, username).getDetails();
        return new Verdict(details.get("zt_risk_level"), List.of(details.getOrDefault("zt_risk_reasons", "").split(",")),
                Integer.parseInt(details.getOrDefault("zt_risk_score", "-1")));
    }

    record Verdict(String level, List<String> reasons, int score) {
    }
}
