package io.zerotrust.keycloak.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step-up through Keycloak's levels of authentication (zt-stepup-realm.json): zt-risk-assessment requires level 2
 * ("mfa") at MEDIUM risk; Keycloak's own LoA conditions ask for the code; the ID token's acr says which level was
 * reached; a client's acr_values / claims request still works; and an SSO session authenticated at level 1 is
 * asked again when a new request from it is riskier.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class AcrStepUpTest {

    private static final String CLIENT = TrustedDeviceTest.CLIENT;

    @InjectRealm(fromJson = "/zt-stepup-realm.json", ref = "stepup")
    ManagedRealm realm;

    @Test
    void anSsoSessionIsAskedAgainWhenANewRequestIsRiskierAndTheAcrClaimSaysWhatWasReached() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            HtmlPage form = browser.authorize(realm.getName(), CLIENT, null);
            Screenshots.take(form, "login");
            HtmlPage berlin = BrowserBehindProxy.submitPassword(form, "paul", "paul-Passw0rd!");
            assertThat(BrowserBehindProxy.signedIn(berlin)).as("password only from Berlin: %s", berlin.getUrl()).isTrue();
            assertThat(acr(berlin)).isEqualTo("pwd");

            // Same browser, same place: the SSO session suffices, no form at all
            HtmlPage again = browser.authorize(realm.getName(), CLIENT, null);
            assertThat(BrowserBehindProxy.signedIn(again)).as("SSO from Berlin: %s", again.getUrl()).isTrue();
            assertThat(acr(again)).isEqualTo("pwd");

            // Same browser, now from another country: MEDIUM, level 2 required, the session (level 1) is asked
            // for the code only; the password is not asked again
            HtmlPage vienna = browser.from(RiskFixtures.VIENNA).authorize(realm.getName(), CLIENT, null);
            assertThat(vienna.getElementById("password")).as("no password re-prompt").isNull();
            assertThat(vienna.getHtmlElementById("zt-risk-notice").asNormalizedText()).contains("Austria");
            Screenshots.take(vienna, "otp-step-up");
            HtmlPage trustOffer = TrustedDeviceTest.submitCode(vienna, "paul");
            HtmlPage done = trustOffer.getHtmlElementById("zt-trust-no").click();
            assertThat(BrowserBehindProxy.signedIn(done)).as("signed in after the code: %s", done.getUrl()).isTrue();
            assertThat(acr(done)).isEqualTo("mfa");
            assertThat(LoginEvents.latest(realm, "paul").getDetails())
                    .containsEntry("zt_risk_level", "MEDIUM").containsEntry("zt_acr_level", "2").containsEntry("zt_trusted_device", "declined");

            // Level 2 reached in this session: the same riskier request needs nothing more
            HtmlPage satisfied = browser.authorize(realm.getName(), CLIENT, null);
            assertThat(BrowserBehindProxy.signedIn(satisfied)).as("level 2 session: %s", satisfied.getUrl()).isTrue();
        }
    }

    @Test
    void acrValuesAndClaimsRequestsStillRaiseTheLevelOfALowRiskSignIn() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(BrowserBehindProxy.submitPassword(
                    browser.authorize(realm.getName(), CLIENT, null), "rosa", "rosa-Passw0rd!"))).as("rosa learns Berlin").isTrue();

            browser.endSession();
            HtmlPage otp = BrowserBehindProxy.submitPassword(browser.authorize(realm.getName(), CLIENT, "acr_values=mfa"), "rosa", "rosa-Passw0rd!");
            HtmlPage done = TrustedDeviceTest.submitCode(otp, "rosa").getHtmlElementById("zt-trust-no").click();
            assertThat(acr(done)).isEqualTo("mfa");
            assertThat(LoginEvents.latest(realm, "rosa").getDetails()).containsEntry("zt_risk_level", "LOW").doesNotContainKey("zt_acr_level");

            browser.endSession();
            String claims = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"mfa\"]}}}";
            HtmlPage otp2 = BrowserBehindProxy.submitPassword(browser.authorize(realm.getName(), CLIENT,
                    "claims=" + URLEncoder.encode(claims, StandardCharsets.UTF_8)), "rosa", "rosa-Passw0rd!");
            HtmlPage done2 = TrustedDeviceTest.submitCode(otp2, "rosa").getHtmlElementById("zt-trust-no").click();
            assertThat(acr(done2)).isEqualTo("mfa");
        }
    }

    private String acr(HtmlPage page) throws Exception {
        String code = BrowserBehindProxy.code(page);
        assertThat(code).as("authorization code in %s", page.getUrl()).isNotNull();
        return OidcTokens.acr(realm.getName(), CLIENT, code);
    }
}
