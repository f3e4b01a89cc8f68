package io.zerotrust.keycloak.it;

import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.geo.GeoIpFixtures;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's demo: the realm it imports, on a server started with the demo script's options. Its users log in
 * with the documented passwords, and the walk-through holds: bob sets up OTP at his first sign-in at home, a
 * one-time code (and the trust offer, accepted) from New York, no code from Paris on the trusted browser, a code
 * again from New York minutes later (impossible travel), denial from a Tor exit before the password form (the same
 * answer whatever the password). Each page it meets is saved as a screenshot ({@code demo-*}).
 */
@KeycloakIntegrationTest(config = DemoServerConfig.class)
class DemoRealmTest {

    @InjectRealm(fromJson = "/zero-trust-demo-realm.json")
    ManagedRealm realm;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectWebDriver
    ManagedWebDriver browser;

    @BeforeEach
    void startSignedOut() {
        // The browser is shared by the class: drop the SSO cookies a previous test left, from a page under their path
        browser.open(oauth.getEndpoints().getIssuer() + "/.well-known/openid-configuration");
        browser.cookies().deleteAll();
    }

    @Test
    void demoUserLogsInWithDocumentedPassword() throws Exception {
        oauth.openLoginForm();
        assertThat(browser.driver().getPageSource()).contains("zero-trust.css");
        oauth.fillLoginForm("alice", "Alice-Demo-1");
        AuthorizationEndpointResponse response = oauth.parseLoginResponse();
        assertThat(response.getError()).isNull();
        AccessTokenResponse tokens = oauth.doAccessTokenRequest(response.getCode());
        assertThat(tokens.getStatusCode()).isEqualTo(200);
        assertThat(oauth.verifyToken(tokens.getAccessToken()).getPreferredUsername()).isEqualTo("alice");
        // The demo's users hold the realm's default roles, so the account console (its REST API) lets them in
        java.net.http.HttpResponse<String> account = accountApi(tokens.getAccessToken());
        assertThat(account.statusCode()).as("account API: %s", account.body()).isEqualTo(200);
        assertThat(account.body()).contains("\"username\":\"alice\"");

        String aliceId = LoginEvents.userId(realm, "alice");
        List<EventRepresentation> logins = realm.admin().getEvents(List.of("LOGIN"), null, aliceId, null, null, null, 0, 10);
        assertThat(logins).singleElement()
                .satisfies(e -> assertThat(e.getDetails()).containsEntry("zt_risk_level", "LOW"));

        // run.sh serves Keycloak's metrics on the management port, the pack's scorer among them
        java.net.http.HttpResponse<String> metrics = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:9000/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("zt_anomaly_scorer_seconds_count");
    }

    @Test
    void walkThroughNewCountryAsksForASecondFactorAndTorIsDenied() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(null)) {
            // bob's first sign-in, at home and unremarkable (LOW), is where he sets up his authenticator app
            HtmlPage enrol = browser.login(realm.getName(), "bob", "Bob-Demo-1");
            assertThat(enrol.getElementById("kc-totp-settings-form")).as("OTP set-up at bob's first sign-in: %s", enrol.getUrl()).isNotNull();
            assertThat(enrol.getHtmlElementById("zt-enrol-notice").asNormalizedText()).contains("This sign-in looks ordinary");
            Screenshots.take(enrol, "demo-1-enrol");
            String secret = OneTimeCodes.setUpSecret(enrol);
            HtmlPage home = OneTimeCodes.submitSetUp(enrol, OneTimeCodes.next("bob", secret));
            assertThat(BrowserBehindProxy.signedIn(home)).as("bob at home: %s", home.getUrl()).isTrue();

            // New York: a new country, so the code is asked, saying why; then the offer to trust this browser
            browser.endSession();
            HtmlPage newYork = browser.from(GeoIpFixtures.NEW_YORK_IP).login(realm.getName(), "bob", "Bob-Demo-1");
            assertThat(BrowserBehindProxy.signedIn(newYork)).isFalse();
            assertThat(newYork.getHtmlElementById("zt-risk-notice").asNormalizedText()).contains("Sign-in from a new country: United States");
            Screenshots.take(newYork, "demo-2-new-country-code");
            HtmlPage trust = OneTimeCodes.submit(newYork, "bob", secret);
            assertThat(trust.getElementById("zt-trust-yes")).as("trust offer after the code: %s", trust.asNormalizedText()).isNotNull();
            Screenshots.take(trust, "demo-3-trust-offer");
            assertThat(BrowserBehindProxy.signedIn(trust.getHtmlElementById("zt-trust-yes").click())).isTrue();
            assertThat(LoginEvents.latest(realm, "bob").getDetails()).containsEntry("zt_risk_level", "MEDIUM")
                    .containsEntry("zt_trusted_device", "trusted");

            // Back home (no header), then Paris: a new country again, but from the trusted browser that alone asks for no code
            browser.endSession();
            assertThat(BrowserBehindProxy.signedIn(browser.from(null).login(realm.getName(), "bob", "Bob-Demo-1"))).as("home again").isTrue();
            browser.endSession();
            HtmlPage paris = browser.from(GeoIpFixtures.PARIS_IPV6).login(realm.getName(), "bob", "Bob-Demo-1");
            assertThat(BrowserBehindProxy.signedIn(paris)).as("Paris from the trusted browser: %s", paris.asNormalizedText()).isTrue();
            Map<String, String> parisLogin = LoginEvents.latest(realm, "bob").getDetails();
            assertThat(parisLogin).containsEntry("zt_risk_level", "LOW");
            assertThat(parisLogin.get("zt_risk_reasons")).contains("GEO_NEW_COUNTRY").contains("DEVICE_TRUSTED");

            // New York minutes after Paris: nobody travels that fast, so even the trusted browser is asked, saying why
            browser.endSession();
            HtmlPage travel = browser.from(GeoIpFixtures.NEW_YORK_IP).login(realm.getName(), "bob", "Bob-Demo-1");
            assertThat(travel.getElementById("otp")).as("code page after impossible travel: %s", travel.asNormalizedText()).isNotNull();
            assertThat(travel.getHtmlElementById("zt-risk-notice").asNormalizedText())
                    .contains("Your previous sign-in was from a place too far away to travel here since");
            Screenshots.take(travel, "demo-4-impossible-travel");
            HtmlPage afterTravel = OneTimeCodes.submit(travel, "bob", secret);
            assertThat(BrowserBehindProxy.signedIn(afterTravel)).as("after the code: %s", afterTravel.asNormalizedText()).isTrue();
            Map<String, String> travelLogin = LoginEvents.latest(realm, "bob").getDetails();
            assertThat(travelLogin).containsEntry("zt_risk_level", "MEDIUM");
            assertThat(travelLogin.get("zt_risk_reasons")).contains("IMPOSSIBLE_TRAVEL");

            browser.endSession();
            // Tor is refused before the password form, so the answer is the same whatever the password
            HtmlPage tor = browser.from(GeoIpFixtures.TOKYO_TOR_IP).tryLogin(realm.getName(), "bob", "Bob-Demo-1");
            assertThat(BrowserBehindProxy.offersPasswordForm(tor)).as("password form from Tor").isFalse();
            assertThat(BrowserBehindProxy.signedIn(tor)).isFalse();
            assertThat(tor.asNormalizedText()).contains("Sign-in refused");
            assertThat(tor.getElementById("zt-reference")).isNotNull();
            Screenshots.take(tor, "demo-5-tor-refused");
            browser.endSession();
            HtmlPage torWrong = browser.tryLogin(realm.getName(), "bob", "not-bobs-password");
            assertThat(torWrong.getWebResponse().getStatusCode()).isEqualTo(tor.getWebResponse().getStatusCode());
            assertThat(torWrong.asNormalizedText().replace(torWrong.getHtmlElementById("zt-reference").asNormalizedText(), "REF"))
                    .isEqualTo(tor.asNormalizedText().replace(tor.getHtmlElementById("zt-reference").asNormalizedText(), "REF"));
        }
    }

    @Test
    void everyDemoUserMayUseTheAccountConsole() {
        // The account console needs the account client's view-profile and manage-account, which the realm's
        // default roles grant; a user imported without them gets "Something went wrong" there
        for (org.keycloak.representations.idm.UserRepresentation user : realm.admin().users().list()) {
            List<String> account = realm.admin().users().get(user.getId()).roles()
                    .clientLevel(realm.admin().clients().findByClientId("account").get(0).getId())
                    .listEffective().stream().map(org.keycloak.representations.idm.RoleRepresentation::getName).toList();
            assertThat(account).as("account roles of %s", user.getUsername()).contains("view-profile", "manage-account");
        }
        assertThat(realm.admin().users().list()).extracting(org.keycloak.representations.idm.UserRepresentation::getUsername)
                .contains("alice", "bob", "soc");
    }

    @Test
    void wrongPasswordIsRefused() {
        oauth.openLoginForm();
        oauth.fillLoginForm("bob", "not-bobs-password");
        // Chromium returns from the click before the answer has loaded: wait for the page that answers the POST
        String refused = "Invalid username or password";
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                    .until(driver -> driver.getPageSource().contains(refused));
        } catch (org.openqa.selenium.TimeoutException e) {
            // the assertion below says what the page shows instead
        }
        assertThat(browser.driver().getPageSource()).contains(refused);
    }

    private java.net.http.HttpResponse<String> accountApi(String accessToken) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(oauth.getEndpoints().getIssuer() + "/account"))
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json").GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }
}
