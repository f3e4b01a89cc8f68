package io.zerotrust.keycloak.it;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * zt-adaptive-mfa (zt-mfa-realm.json): one step after the password and the assessment chooses the second factor
 * by risk among those the user has. tina has OTP, walt OTP and a security key (WebAuthn), nina nothing yet.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class AdaptiveMfaTest {

    private static final String OTP_SECRET = "ztMfaOtpSecret1234567";

    @InjectRealm(fromJson = "/zt-mfa-realm.json", ref = "mfa")
    ManagedRealm realm;

    @Test
    void otpAtMediumAndAtHighUnlessHighIsDenied() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(signIn(browser, "tina"))).as("no factor at LOW").isTrue();
            assertThat(LoginEvents.latest(realm, "tina").getDetails()).containsEntry("zt_mfa", "none");

            HtmlPage otp = signIn(browser.from(RiskFixtures.VIENNA), "tina");
            assertThat(otp.getHtmlElementById("zt-risk-notice").asNormalizedText()).contains("Sign-in from a new country: Austria");
            assertThat(BrowserBehindProxy.signedIn(submitCode(otp, "tina"))).isTrue();
            assertThat(LoginEvents.latest(realm, "tina").getDetails()).containsEntry("zt_mfa", "otp").containsEntry("zt_risk_level", "MEDIUM");

            // HIGH: OTP is tina's strongest factor, so it is asked, with the reasons
            HtmlPage tor = signIn(browser.from(RiskFixtures.BERLIN_TOR), "tina");
            assertThat(tor.getElementById("otp")).as("OTP at HIGH: %s", tor.asNormalizedText()).isNotNull();

            // Configured to deny at HIGH: refused with a reference instead
            try (StepSetting denyAtHigh = StepSetting.set(realm, "zt-mfa forms", "zt-adaptive-mfa", "denyAtHigh", "true")) {
                HtmlPage denied = signIn(browser.from(RiskFixtures.BERLIN_TOR), "tina");
                assertThat(denied.getElementById("zt-reference")).as("refused: %s", denied.asNormalizedText()).isNotNull();
                assertThat(denied.getElementById("otp")).isNull();
            }
        }
    }

    @Test
    void theSecurityKeyIsPreferredAtHigh() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(signIn(browser, "walt"))).isTrue();

            HtmlPage medium = signIn(browser.from(RiskFixtures.VIENNA), "walt");
            assertThat(medium.getElementById("otp")).as("walt's preferred factor at MEDIUM: %s", medium.asNormalizedText()).isNotNull();

            HtmlPage high = signIn(browser.from(RiskFixtures.BERLIN_TOR), "walt");
            assertThat(high.getElementById("otp")).as("never the weaker factor at HIGH").isNull();
            assertThat(high.getElementById("webauth")).as("WebAuthn at HIGH: %s", high.asNormalizedText()).isNotNull();
            assertThat(high.asNormalizedText()).contains("YubiKey 5");
            Screenshots.take(high, "webauthn-at-high");
        }
    }

    @Test
    void aUserWithoutAFactorIsRefusedAtHighAndEnrolsAtMedium() throws Exception {
        // nils: refused at HIGH (his correct password refused, so he is also marked as leaked: nina enrols)
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(signIn(browser, "nils"))).isTrue();
            HtmlPage high = signIn(browser.from(RiskFixtures.BERLIN_TOR), "nils");
            assertThat(high.getElementById("totp")).as("no enrolment at HIGH").isNull();
            assertThat(high.getElementById("zt-reference")).as("refused: %s", high.asNormalizedText()).isNotNull();
        }
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(signIn(browser, "nina"))).isTrue();
            HtmlPage enrol = signIn(browser.from(RiskFixtures.VIENNA), "nina");
            assertThat(enrol.getElementById("totp")).as("OTP set-up page: %s", enrol.asNormalizedText()).isNotNull();
            assertThat(enrol.getElementById("kc-totp-secret-qr-code")).isNotNull();
            Screenshots.take(enrol, "enrol-otp");

            // nina sets up her app; the LOGIN that follows the set-up still reaches the SOC with its risk verdict
            String secret = ((org.htmlunit.html.HtmlInput) enrol.getHtmlElementById("totpSecret")).getValue();
            enrol.getHtmlElementById("totp").type(new org.keycloak.models.utils.TimeBasedOTP().generateTOTP(secret));
            enrol.getHtmlElementById("userLabel").type("phone");
            HtmlPage enrolled = enrol.getHtmlElementById("saveTOTPBtn").click();
            assertThat(BrowserBehindProxy.signedIn(enrolled)).as("signed in after set-up: %s", enrolled.getUrl()).isTrue();
            String loginId = LoginEvents.latest(realm, "nina").getId();
            List<JsonNode> delivered = WebhookReceiver.get().await(e -> loginId.equals(e.path("metadata").path("uid").asText()), 1,
                    Duration.ofSeconds(30));
            assertThat(delivered).as("OCSF LOGIN %s at the webhook", loginId).hasSize(1);
            assertThat(delivered.get(0).path("enrichments").toString()).contains("zt.risk").contains("MEDIUM").contains("GEO_NEW_COUNTRY");
        }
    }

    @Test
    void theNoticeReadsInTheUsersLanguage() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            browser.header("Accept-Language", "de");
            assertThat(BrowserBehindProxy.signedIn(signIn(browser, "greta"))).isTrue();

            HtmlPage otp = signIn(browser.from(RiskFixtures.VIENNA), "greta");
            String notice = otp.getHtmlElementById("zt-risk-notice").asNormalizedText();
            assertThat(notice).contains("Anmeldung aus einem neuen Land: \u00d6sterreich");
            Screenshots.take(otp, "otp-risk-notice-de");
        }
    }

    private HtmlPage signIn(BrowserBehindProxy browser, String username) throws Exception {
        browser.endSession();
        return browser.login(realm.getName(), username, username + "-Passw0rd!");
    }

    private static HtmlPage submitCode(HtmlPage otp, String username) throws Exception {
        return OneTimeCodes.submit(otp, username, OTP_SECRET);
    }
}
