package io.zerotrust.keycloak.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step-up mark steps up (zt-stepup-realm.json: the code at MEDIUM, then zt-trusted-device). uma is as settled as a
 * user gets: a trusted device at her usual place. A real token-theft finding (her refresh token used from Tokyo)
 * marks her; her next sign-in at home is at least MEDIUM, so the code is asked, and the verified code lifts the mark.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class StepUpMarkTest {

    private static final String CLIENT = "zt-app";
    private static final Duration ASYNC = Duration.ofSeconds(30);

    @InjectRealm(fromJson = "/zt-stepup-realm.json", ref = "mark")
    ManagedRealm realm;

    @Test
    void aMarkedSettledUserIsAskedForTheCodeAndTheVerifiedCodeLiftsTheMark() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            // Settled: Berlin, then Vienna with the code, where she trusts this browser
            assertThat(BrowserBehindProxy.signedIn(signIn(browser, "uma"))).isTrue();
            HtmlPage trust = TrustedDeviceTest.submitCode(signIn(browser.from(RiskFixtures.VIENNA), "uma"), "uma");
            assertThat(BrowserBehindProxy.signedIn(trust.getHtmlElementById("zt-trust-yes").click())).isTrue();
            HtmlPage home = signIn(browser.from(RiskFixtures.BERLIN), "uma");
            assertThat(BrowserBehindProxy.signedIn(home)).as("straight in at home").isTrue();
            Map<String, String> settled = LoginEvents.latest(realm, "uma").getDetails();
            assertThat(settled).containsEntry("zt_risk_level", "LOW");
            assertThat(settled.get("zt_risk_reasons")).contains("DEVICE_TRUSTED");

            // Her session's refresh token used from another country: a token-theft finding, whose action marks her
            String refreshToken = OidcTokens.redeem(realm.getName(), CLIENT, BrowserBehindProxy.code(home), RiskFixtures.BERLIN)
                    .path("refresh_token").asText();
            HttpResponse<String> stolen = refresh(refreshToken, RiskFixtures.TOKYO);
            assertThat(stolen.statusCode()).as("refresh from Tokyo: %s", stolen.body()).isEqualTo(200);

            // The mark is a user attribute outside the user profile: watched through her sign-ins at home
            HtmlPage marked = untilTheCodeIsAsked(() -> signIn(browser, "uma"), ASYNC);
            assertThat(marked.getElementById("otp")).as("code asked of a marked user on her trusted device at home: %s",
                    marked.asNormalizedText()).isNotNull();

            HtmlPage afterCode = TrustedDeviceTest.submitCode(marked, "uma");
            assertThat(BrowserBehindProxy.signedIn(afterCode)).as("signed in after the code: %s", afterCode.getUrl()).isTrue();
            Map<String, String> stepUp = LoginEvents.latest(realm, "uma").getDetails();
            assertThat(stepUp).containsEntry("zt_risk_level", "MEDIUM").containsEntry("zt_risk_verified", "true");
            assertThat(stepUp.get("zt_risk_reasons")).contains("ANOMALY_FLAGGED").contains("DEVICE_TRUSTED");

            // The verified code lifted the mark: home is LOW again
            HtmlPage next = signIn(browser, "uma");
            assertThat(BrowserBehindProxy.signedIn(next)).as("straight in after the mark was lifted: %s", next.asNormalizedText()).isTrue();
            Map<String, String> lifted = LoginEvents.latest(realm, "uma").getDetails();
            assertThat(lifted).containsEntry("zt_risk_level", "LOW");
            assertThat(lifted.get("zt_risk_reasons")).doesNotContain("ANOMALY_FLAGGED");
        }
    }

    private HtmlPage signIn(BrowserBehindProxy browser, String username) throws Exception {
        browser.endSession();
        HtmlPage form = browser.authorize(realm.getName(), CLIENT, null);
        return BrowserBehindProxy.submitPassword(form, username, username + "-Passw0rd!");
    }

    private HttpResponse<String> refresh(String refreshToken, String from) throws Exception {
        String body = "grant_type=refresh_token&client_id=" + CLIENT + "&refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(BrowserBehindProxy.BASE + "/realms/" + realm.getName()
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", from)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Signs in again and again until a sign-in asks for the code, for a mark set asynchronously by a finding; each
     * sign-in before must be straight in. Returns the last page (the code page, unless {@code timeout} passed).
     */
    static HtmlPage untilTheCodeIsAsked(Callable<HtmlPage> signIn, Duration timeout) throws Exception {
        HtmlPage page = signIn.call();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (page.getElementById("otp") == null && System.nanoTime() < deadline) {
            assertThat(BrowserBehindProxy.signedIn(page)).as("before the mark: straight in, %s", page.getUrl()).isTrue();
            Thread.sleep(250);
            page = signIn.call();
        }
        return page;
    }
}
