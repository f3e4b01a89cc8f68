package io.zerotrust.keycloak.it;

import java.util.List;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An adaptive browser flow built from the pack's steps (zt-adaptive-realm.json): password, zt-risk-assessment,
 * zt-deny behind zt-condition-risk-level at HIGH, and zt-otp-form behind it at MEDIUM.
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
            HtmlPage after = OneTimeCodes.submit(otp, "olga", OTP_SECRET);
            assertThat(BrowserBehindProxy.signedIn(after)).as("signed in after OTP: %s", after.getUrl()).isTrue();

            // A Tor exit: refused before the password (zt-condition-network), without a code being asked, with a
            // support reference and nothing internal
            browser.endSession();
            HtmlPage denied = browser.from(RiskFixtures.BERLIN_TOR).tryLogin(realm.getName(), "olga", "olga-Passw0rd!");
            assertThat(BrowserBehindProxy.offersPasswordForm(denied)).as("no password form from Tor").isFalse();
            assertThat(BrowserBehindProxy.signedIn(denied)).isFalse();
            assertThat(denied.getElementById("otp")).isNull();
            String text = denied.asNormalizedText();
            assertThat(text).contains("Sign-in refused").doesNotContain("TOR").doesNotContain("Tor")
                    .doesNotContain("score").doesNotContain("HIGH");
            String reference = denied.getHtmlElementById("zt-reference").asNormalizedText();
            assertThat(reference).matches("[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}");

            // The SOC finds the refused sign-in, and why, from the reference the user reads out
            List<EventRepresentation> errors = realm.admin().getEvents(List.of("LOGIN_ERROR"), null, null, null, null, null, 0, 20);
            assertThat(errors).as("LOGIN_ERROR events: %s", errors.stream().map(e -> e.getError() + " " + e.getDetails()).toList())
                    .anySatisfy(e -> {
                assertThat(e.getError()).isEqualTo("access_denied");
                assertThat(e.getDetails()).containsEntry("zt_reference", reference).doesNotContainKey("zt_password_verified");
                assertThat(e.getDetails().get("zt_risk_reasons")).contains("IP_TOR_EXIT");
            });
        }
    }

    private HtmlPage login(BrowserBehindProxy browser) throws Exception {
        browser.endSession();
        return browser.login(realm.getName(), "olga", "olga-Passw0rd!");
    }
}
