package io.zerotrust.keycloak.it;

import java.util.List;
import java.util.Map;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static io.zerotrust.keycloak.it.RiskFixtures.BERLIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Device posture assertions as an attacker would reuse them, on the real server with the test signer the server
 * trusts ({@link RiskFixtures}): an assertion is bound to the realm and to the browser's device cookie, and is
 * single-use, so a captured one gains nothing for another account, nothing the second time, and a stale one is
 * HIGH even on the user's known device.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class PostureBindingTest {

    private static final String POSTURE = "X-Device-Posture";

    @InjectRealm(fromJson = "/zt-risk-realm.json", ref = "posture")
    ManagedRealm realm;

    @Test
    void anAssertionForOneAccountsDeviceGainsNothingForAnother() throws Exception {
        try (BrowserBehindProxy alice = knownDevice("alice"); BrowserBehindProxy bob = knownDevice("bob")) {
            String aliceAssertion = RiskFixtures.trustedPosture(RiskFixtures.boundClaims(realm.getName(), RiskFixtures.deviceId(alice), -5));

            Verdict replayed = login(bob.header(POSTURE, aliceAssertion), "bob");
            assertThat(replayed.reasons()).contains("POSTURE_UNBOUND").doesNotContain("POSTURE_COMPLIANT");

            // The stranger could not use it up either: on alice's own browser it still proves her posture
            Verdict own = login(alice.header(POSTURE, aliceAssertion), "alice");
            assertThat(own.reasons()).contains("POSTURE_COMPLIANT").doesNotContain("POSTURE_UNBOUND", "POSTURE_REPLAYED");
            assertThat(own.level()).isEqualTo("LOW");
        }
    }

    @Test
    void theSameAssertionUsedTwiceIsHighTheSecondTime() throws Exception {
        try (BrowserBehindProxy browser = knownDevice("carol")) {
            String assertion = RiskFixtures.trustedPosture(RiskFixtures.boundClaims(realm.getName(), RiskFixtures.deviceId(browser), -5));

            Verdict first = login(browser.header(POSTURE, assertion), "carol");
            assertThat(first.reasons()).contains("POSTURE_COMPLIANT");
            assertThat(first.level()).isEqualTo("LOW");

            Verdict second = login(browser, "carol");
            assertThat(second.reasons()).contains("POSTURE_REPLAYED").doesNotContain("POSTURE_COMPLIANT");
            assertThat(second.level()).isEqualTo("HIGH");
        }
    }

    @Test
    void aStaleAssertionIsHighEvenOnAKnownDevice() throws Exception {
        try (BrowserBehindProxy browser = knownDevice("dave")) {
            String stale = RiskFixtures.trustedPosture(RiskFixtures.boundClaims(realm.getName(), RiskFixtures.deviceId(browser), -3600));

            Verdict verdict = login(browser.header(POSTURE, stale), "dave");

            assertThat(verdict.reasons()).contains("POSTURE_STALE", "DEVICE_KNOWN");
            assertThat(verdict.level()).isEqualTo("HIGH");
        }
    }

    @Test
    void anAssertionForAnotherRealmIsNotAccepted() throws Exception {
        try (BrowserBehindProxy browser = knownDevice("erin")) {
            String elsewhere = RiskFixtures.trustedPosture(RiskFixtures.boundClaims("some-other-realm", RiskFixtures.deviceId(browser), -5));

            Verdict verdict = login(browser.header(POSTURE, elsewhere), "erin");

            assertThat(verdict.reasons()).contains("POSTURE_WRONG_AUDIENCE").doesNotContain("POSTURE_COMPLIANT");
        }
    }

    /** The user's own browser, signed in twice from Berlin without posture, so its device is known. */
    private BrowserBehindProxy knownDevice(String username) throws Exception {
        BrowserBehindProxy browser = new BrowserBehindProxy(BERLIN);
        login(browser, username);
        Verdict second = login(browser, username);
        assertThat(second.reasons()).as("second login of %s", username).contains("DEVICE_KNOWN");
        return browser;
    }

    private Verdict login(BrowserBehindProxy browser, String username) throws Exception {
        browser.endSession();
        HtmlPage page = browser.login(realm.getName(), username, username + "-Passw0rd!");
        assertThat(BrowserBehindProxy.signedIn(page)).as("%s signed in; page: %s", username, page.getUrl()).isTrue();
        Map<String, String> details = LoginEvents.latest(realm, username).getDetails();
        return new Verdict(details.get("zt_risk_level"), List.of(details.getOrDefault("zt_risk_reasons", "").split(",")));
    }

    record Verdict(String level, List<String> reasons) {
    }
}
