package io.zerotrust.keycloak.it;

import java.util.Map;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-in costs one GeoIP lookup, however many requests it takes and whoever reads its location afterwards
 * (zt-risk-assessment, zt-events, zt-risk-learning): counted by the {@code maxmind} provider's {@code lookups} in the
 * admin console's Provider info. Nothing else on the server looks addresses up meanwhile (reading the server info or
 * the events is no event of the pack's).
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class GeoIpLookupsTest {

    private static final String OTP_SECRET = "ztAdaptiveOtpSecret1234";

    @InjectAdminClient
    Keycloak admin;

    /** Asks a code at MEDIUM and refuses at HIGH (zt-adaptive-realm.json); olga has a code, kim only a password. */
    @InjectRealm(fromJson = "/zt-adaptive-realm.json", ref = "geo-lookups")
    ManagedRealm realm;

    @Test
    void aSignInOnThePasswordAloneIsLookedUpOnce() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            long before = lookups();
            HtmlPage page = browser.login(realm.getName(), "kim", "kim-Passw0rd!");
            assertThat(BrowserBehindProxy.signedIn(page)).as("kim signed in: %s", page.getUrl()).isTrue();

            assertThat(lookups() - before).as("lookups for one LOGIN").isEqualTo(1);
            assertThat(LoginEvents.latest(realm, "kim").getDetails()).containsKey("zt_risk_verified");
        }
    }

    @Test
    void aSignInWhoseLoginComesWithTheCodeIsLookedUpOnce() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(browser.login(realm.getName(), "olga", "olga-Passw0rd!"))).isTrue();
            browser.endSession();

            // From another country: the password's request assesses, the code's request sends LOGIN
            long before = lookups();
            HtmlPage code = browser.from(RiskFixtures.VIENNA).login(realm.getName(), "olga", "olga-Passw0rd!");
            assertThat(BrowserBehindProxy.signedIn(code)).as("asked for a code: %s", code.getUrl()).isFalse();
            assertThat(BrowserBehindProxy.signedIn(OneTimeCodes.submit(code, "olga", OTP_SECRET))).isTrue();

            assertThat(lookups() - before).as("lookups for one LOGIN after a code").isEqualTo(1);
            assertThat(LoginEvents.latest(realm, "olga").getDetails()).containsEntry("zt_risk_level", "MEDIUM");
        }
    }

    @Test
    void aRefusedSignInIsLookedUpOnce() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN_TOR)) {
            long before = lookups();
            HtmlPage refused = browser.tryLogin(realm.getName(), "jana", "jana-Passw0rd!");
            assertThat(refused.getElementById("zt-reference")).as("refused: %s", refused.asNormalizedText()).isNotNull();

            assertThat(lookups() - before).as("lookups for one LOGIN_ERROR").isEqualTo(1);
        }
    }

    private long lookups() {
        Map<String, String> info = admin.serverInfo().getInfo().getProviders().get("zt-geoip")
                .getProviders().get("maxmind").getOperationalInfo();
        return Long.parseLong(info.get("lookups"));
    }
}
