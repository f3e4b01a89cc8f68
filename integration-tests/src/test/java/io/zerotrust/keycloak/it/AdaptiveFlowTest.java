package io.zerotrust.keycloak.it;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
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

            // A wrong code: the page explains itself again, and the LOGIN_ERROR says how risky the sign-in was
            otp.getHtmlElementById("otp").type("000000");
            HtmlPage wrong = otp.getHtmlElementById("kc-login").click();
            assertThat(wrong.getElementById("otp")).as("code page again after a wrong code: %s", wrong.getUrl()).isNotNull();
            assertThat(wrong.getHtmlElementById("zt-risk-notice").asNormalizedText()).contains("Sign-in from a new country: Austria");
            String olgaId = LoginEvents.userId(realm, "olga");
            List<EventRepresentation> wrongCode = realm.admin().getEvents(List.of("LOGIN_ERROR"), null, olgaId, null, null, null, 0, 10);
            assertThat(wrongCode).as("olga's LOGIN_ERROR events").anySatisfy(e -> {
                assertThat(e.getError()).isEqualTo("invalid_user_credentials");
                assertThat(e.getDetails()).containsEntry("zt_risk_level", "MEDIUM").containsKey("zt_risk_score");
                assertThat(e.getDetails().get("zt_risk_reasons")).contains("GEO_NEW_COUNTRY");
            });
            HtmlPage after = OneTimeCodes.submit(wrong, "olga", OTP_SECRET);
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

    @Test
    void aUserWithoutOtpIsRefusedAtMediumNotOfferedEnrolment() throws Exception {
        // ines has only a password; from another country whoever types it must not get to enrol their own authenticator
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(login(browser, "ines"))).as("ines from Berlin").isTrue();

            HtmlPage vienna = login(browser.from(RiskFixtures.VIENNA), "ines");
            assertThat(vienna.getElementById("kc-totp-settings-form")).as("no OTP enrolment at MEDIUM: %s", vienna.getUrl()).isNull();
            assertThat(vienna.getElementById("totp")).isNull();
            assertThat(vienna.asNormalizedText()).contains("Sign-in refused");
            String reference = vienna.getHtmlElementById("zt-reference").asNormalizedText();
            List<EventRepresentation> errors = realm.admin().getEvents(List.of("LOGIN_ERROR"), null, null, null, null, null, 0, 50);
            assertThat(errors).anySatisfy(e -> {
                assertThat(e.getError()).isEqualTo("access_denied");
                assertThat(e.getDetails()).containsEntry("zt_reference", reference).containsEntry("zt_risk_level", "MEDIUM")
                        .containsEntry("zt_enrolment", "refused");
            });
        }
    }

    @Test
    void atLowAUserWithoutOtpStillEnrolsAndThatSignInIsLearned() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            // The OTP sub-flow made to run at every level: a first, unremarkable sign-in is where jana sets up her app
            try (StepSetting everyLevel = StepSetting.set(realm, "zt-adaptive OTP at MEDIUM", "zt-condition-risk-level", "level", "LOW")) {
                HtmlPage enrol = login(browser, "jana");
                assertThat(enrol.getElementById("kc-totp-settings-form")).as("OTP set-up page: %s", enrol.asNormalizedText()).isNotNull();
                assertThat(enrol.getElementById("kc-totp-secret-qr-code")).isNotNull();
                // Why now: an ordinary sign-in is the safe moment
                assertThat(enrol.getHtmlElementById("zt-enrol-notice").asNormalizedText())
                        .contains("Why we ask you to set this up now").contains("This sign-in looks ordinary");
                Screenshots.take(enrol, "enrol-otp");
                HtmlPage enrolled = OneTimeCodes.submitSetUp(enrol, OneTimeCodes.next("jana", OneTimeCodes.setUpSecret(enrol)));
                assertThat(BrowserBehindProxy.signedIn(enrolled)).as("signed in after set-up: %s", enrolled.getUrl()).isTrue();
            }

            // The LOGIN after the set-up carries no flow details: the SOC still gets its verdict, from the user session
            EventRepresentation enrolledLogin = LoginEvents.latest(realm, "jana");
            assertThat(enrolledLogin.getDetails()).as("the stored LOGIN after the set-up").containsEntry("zt_risk_level", "LOW");
            String loginId = enrolledLogin.getId();
            List<JsonNode> delivered = WebhookReceiver.get().await(e -> loginId.equals(e.path("metadata").path("uid").asText()), 1,
                    Duration.ofSeconds(30));
            assertThat(delivered).as("OCSF LOGIN %s at the webhook", loginId).hasSize(1);
            assertThat(delivered.get(0).path("enrichments").toString()).contains("zt.risk").contains("LOW");

            // ... and so does zt-risk-learning: the sign-in was verified (LOW), so this browser is jana's known device now
            assertThat(BrowserBehindProxy.signedIn(login(browser, "jana"))).isTrue();
            assertThat(LoginEvents.latest(realm, "jana").getDetails().get("zt_risk_reasons")).contains("DEVICE_KNOWN");
        }
    }

    @Test
    void whereTheRealmAllowsEnrolmentAtMediumTheSetUpPageListsTheReasons() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(login(browser, "kim"))).as("kim from Berlin").isTrue();
            try (StepSetting medium = StepSetting.set(realm, "zt-adaptive OTP at MEDIUM", "zt-otp-form", "enrolUpTo", "MEDIUM")) {
                HtmlPage enrol = login(browser.from(RiskFixtures.VIENNA), "kim");
                assertThat(enrol.getElementById("kc-totp-settings-form")).as("OTP set-up at MEDIUM: %s", enrol.asNormalizedText()).isNotNull();
                String notice = enrol.getHtmlElementById("zt-enrol-notice").asNormalizedText();
                assertThat(notice).contains("This sign-in is unusual").contains("Sign-in from a new country: Austria")
                        .doesNotContain("looks ordinary");
                assertThat(enrol.asNormalizedText()).doesNotContain("activate your account");
                Screenshots.take(enrol, "enrol-otp-unusual");

                // A wrong code renders the page again, still saying why
                String secret = OneTimeCodes.setUpSecret(enrol);
                HtmlPage again = OneTimeCodes.submitSetUp(enrol, "000000");
                assertThat(again.getElementById("kc-totp-settings-form")).as("set-up page after a wrong code").isNotNull();
                assertThat(again.getHtmlElementById("zt-enrol-notice").asNormalizedText()).contains("Sign-in from a new country: Austria");

                HtmlPage enrolled = OneTimeCodes.submitSetUp(again, OneTimeCodes.next("kim", secret));
                assertThat(BrowserBehindProxy.signedIn(enrolled)).as("signed in after set-up: %s", enrolled.getUrl()).isTrue();
                // The LOGIN an admin reads in Events, sent after the set-up, says how risky the sign-in was
                assertThat(LoginEvents.latest(realm, "kim").getDetails()).containsEntry("zt_risk_level", "MEDIUM")
                        .containsKey("zt_risk_score");
                assertThat(LoginEvents.latest(realm, "kim").getDetails().get("zt_risk_reasons")).contains("GEO_NEW_COUNTRY");
            }
        }
    }

    @Test
    void aRealmsOwnDenyListRefusesBeforeThePassword() throws Exception {
        // The realm's Zero Trust page blocks an address of its own: zt-condition-network refuses it before the password
        String id = RealmTuningTest.save(realm.admin(), java.util.Map.of("ip-reputation--deny-list", List.of(RiskFixtures.ZURICH)));
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.ZURICH)) {
            HtmlPage refused = browser.tryLogin(realm.getName(), "pavel", "pavel-Passw0rd!");
            assertThat(BrowserBehindProxy.offersPasswordForm(refused)).as("password form from a realm-denied address").isFalse();
            assertThat(refused.asNormalizedText()).contains("Sign-in refused");
        } finally {
            realm.admin().components().component(id).remove();
        }
        // Without the realm's list the same address gets the password form again
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.ZURICH)) {
            assertThat(BrowserBehindProxy.offersPasswordForm(browser.authorize(realm.getName(), "account-console",
                    BrowserBehindProxy.ACCOUNT_CONSOLE_PKCE))).isTrue();
        }
    }

    private HtmlPage login(BrowserBehindProxy browser) throws Exception {
        return login(browser, "olga");
    }

    private HtmlPage login(BrowserBehindProxy browser, String username) throws Exception {
        browser.endSession();
        return browser.login(realm.getName(), username, username + "-Passw0rd!");
    }
}
