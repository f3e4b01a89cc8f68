package io.zerotrust.keycloak.it;

import java.util.List;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * zt-adaptive-mfa (zt-mfa-realm.json): one step after the password and the assessment chooses the second factor
 * by risk among those the user has. tina has OTP, walt OTP and a security key (WebAuthn), nina nothing yet (and
 * the step's enrolment setting is the default, LOW).
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
    void aUserWithoutAFactorIsRefusedAboveLowNotOfferedEnrolment() throws Exception {
        // Whoever holds the password could enrol their own authenticator: by default only a LOW sign-in may enrol.
        // nils is refused at HIGH (a correct password refused also marks him as leaked, so nina plays MEDIUM)
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(signIn(browser, "nils"))).as("no factor needed at LOW").isTrue();
            HtmlPage high = signIn(browser.from(RiskFixtures.BERLIN_TOR), "nils");
            assertThat(high.getElementById("totp")).as("no enrolment at HIGH").isNull();
            assertThat(high.getElementById("zt-reference")).as("refused: %s", high.asNormalizedText()).isNotNull();
        }
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(signIn(browser, "nina"))).as("no factor needed at LOW").isTrue();

            HtmlPage medium = signIn(browser.from(RiskFixtures.VIENNA), "nina");
            assertThat(medium.getElementById("totp")).as("no enrolment at MEDIUM: %s", medium.asNormalizedText()).isNull();
            assertThat(medium.getElementById("kc-totp-secret-qr-code")).isNull();
            String reference = medium.getHtmlElementById("zt-reference").asNormalizedText();
            List<org.keycloak.representations.idm.EventRepresentation> errors = realm.admin().getEvents(List.of("LOGIN_ERROR"), null,
                    null, null, null, null, 0, 50);
            assertThat(errors).anySatisfy(e -> assertThat(e.getDetails()).containsEntry("zt_reference", reference)
                    .containsEntry("zt_risk_level", "MEDIUM").containsEntry("zt_mfa", "deny"));
            assertThat(realm.admin().users().get(LoginEvents.userId(realm, "nina")).credentials())
                    .noneMatch(c -> "otp".equals(c.getType()));
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
