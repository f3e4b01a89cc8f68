package io.zerotrust.keycloak.it;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.models.utils.TimeBasedOTP;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An adaptive browser flow built from the pack's steps (zt-adaptive-realm.json): password, zt-risk-assessment,
 * Keycloak's Deny access behind zt-condition-risk-level at HIGH, and zt-otp-form behind it at MEDIUM.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class AdaptiveFlowTest {

    private static final String OTP_SECRET = "ztAdaptiveOtpSecret1234";

    @InjectRealm(fromJson = "/zt-adaptive-realm.json", ref = "adaptive")
    ManagedRealm realm;

    @Test
    void usualSignInHasNoMfaNewCountryAsksForOtpWithTheReasonAndTorIsDenied() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            // Home, usual device: straight in, no second factor
            assertThat(BrowserBehindProxy.signedIn(login(browser))).as("first sign-in from Berlin").isTrue();
            assertThat(BrowserBehindProxy.signedIn(login(browser))).as("second sign-in from Berlin").isTrue();

            // Another country: the OTP page, saying why
            HtmlPage otp = login(browser.from(RiskFixtures.VIENNA));
            assertThat(otp.getElementById("otp")).as("OTP field on %s", otp.getUrl()).isNotNull();
            String notice = otp.getHtmlElementById("zt-risk-notice").asNormalizedText();
            assertThat(notice).contains("We need to confirm it is you").contains("Sign-in from a new country: Austria");
            otp.getHtmlElementById("otp").type(new TimeBasedOTP().generateTOTP(OTP_SECRET));
            HtmlPage after = otp.getHtmlElementById("kc-login").click();
            assertThat(BrowserBehindProxy.signedIn(after)).as("signed in after OTP: %s", after.getUrl()).isTrue();

            // A Tor exit: refused, without a code being asked
            HtmlPage denied = login(browser.from(RiskFixtures.BERLIN_TOR));
            assertThat(BrowserBehindProxy.signedIn(denied)).isFalse();
            assertThat(denied.getElementById("otp")).isNull();
            assertThat(denied.asNormalizedText()).containsIgnoringCase("access denied");
        }
    }

    private HtmlPage login(BrowserBehindProxy browser) throws Exception {
        browser.endSession();
        return browser.login(realm.getName(), "olga", "olga-Passw0rd!");
    }
}
