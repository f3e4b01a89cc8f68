package io.zerotrust.keycloak.it;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * zt-risk-learning learns a sign-in only when zt-risk-assessment judged it and the step-up its level required was
 * met (zt_risk_verified). The adaptive realm (zt-adaptive-realm.json) asks for a code at MEDIUM (refusing a user
 * without one, who may not enrol there) and refuses at HIGH;
 * its admin-cli client signs in through Keycloak's stock direct-grant flow, which has no assessment. The risk realm
 * (zt-risk-realm.json) asks a code only of users who have one, so a MEDIUM sign-in there may pass on the password.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class VerifiedLearningTest {

    private static final String OTP_SECRET = "ztAdaptiveOtpSecret1234";

    @InjectRealm(fromJson = "/zt-adaptive-realm.json", ref = "learning")
    ManagedRealm realm;

    @InjectRealm(fromJson = "/zt-risk-realm.json", ref = "learning-risk")
    ManagedRealm riskRealm;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPasswordGrantThroughAdminCliDoesNotMakeTheAttackersPlaceAndDeviceKnown() throws Exception {
        try (BrowserBehindProxy pia = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(login(pia, "pia"))).as("pia at home").isTrue();
        }
        try (BrowserBehindProxy attacker = new BrowserBehindProxy(RiskFixtures.TOKYO)) {
            // pia has only a password, so Keycloak's stock direct-grant flow asks nothing more of a password grant.
            // With pia's password from Tokyo: the sign-in stops (code page or refusal), but the browser holds a genuine device cookie
            HtmlPage first = login(attacker, "pia");
            assertThat(BrowserBehindProxy.signedIn(first)).as("attacker stopped: %s", first.getUrl()).isFalse();
            String deviceCookie = attacker.cookie("ZT_DEVICE");
            assertThat(deviceCookie).as("device cookie issued to the attacker's browser").isNotNull();

            // A refusal by risk after pia's correct password also asks her for a new password, which would stop the grant
            // below (NoPasswordOracleTest). Lifted here, so that this test plays the learning defence alone
            UserResource user = realm.admin().users().get(LoginEvents.userId(realm, "pia"));
            UserRepresentation representation = user.toRepresentation();
            representation.setRequiredActions(List.of());
            user.update(representation);

            // A token through admin-cli: Keycloak's stock direct-grant flow, no assessment; the cookie sent along
            HttpResponse<String> grant = adminCliGrant("pia", RiskFixtures.TOKYO, deviceCookie);
            assertThat(grant.statusCode()).as("password grant: %s", grant.body()).isEqualTo(200);
            assertThat(LoginEvents.latest(realm, "pia").getDetails()).doesNotContainKey("zt_risk_verified");

            // The next browser sign-in from Tokyo with that cookie: neither the device nor the country became pia's
            HtmlPage next = login(attacker, "pia");
            assertThat(BrowserBehindProxy.signedIn(next)).as("not LOW: %s", next.getUrl()).isFalse();
            String reasons = lastVerdictReasons("pia", next);
            assertThat(reasons).doesNotContain("DEVICE_KNOWN").doesNotContain("GEO_KNOWN_COUNTRY").doesNotContain("GEO_KNOWN_CITY")
                    .contains("GEO_NEW_COUNTRY");
        }
    }

    @Test
    void aMediumSignInThatPassedWithoutItsStepUpTeachesNothing() throws Exception {
        // ivan has no second factor: the risk realm lets his MEDIUM sign-in from Vienna pass on the password alone
        try (BrowserBehindProxy ivan = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(riskLogin(ivan, "ivan"))).isTrue();

            assertThat(BrowserBehindProxy.signedIn(riskLogin(ivan.from(RiskFixtures.VIENNA), "ivan"))).isTrue();
            Map<String, String> unmet = latestLogin(riskRealm, "ivan");
            assertThat(unmet).containsEntry("zt_risk_level", "MEDIUM").containsEntry("zt_risk_verified", "false");

            assertThat(BrowserBehindProxy.signedIn(riskLogin(ivan, "ivan"))).isTrue();
            Map<String, String> again = latestLogin(riskRealm, "ivan");
            assertThat(again.get("zt_risk_reasons")).as("Vienna not learned").contains("GEO_NEW_COUNTRY").doesNotContain("GEO_KNOWN_COUNTRY");
            assertThat(again).containsEntry("zt_risk_level", "MEDIUM");
        }
    }

    @Test
    void aMediumSignInWhoseCodeWasNeverEnteredTeachesNothingAndOneWithTheCodeDoes() throws Exception {
        try (BrowserBehindProxy vera = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(login(vera, "vera"))).isTrue();

            HtmlPage abandoned = login(vera.from(RiskFixtures.VIENNA), "vera");
            assertThat(abandoned.getElementById("otp")).as("code asked from Vienna").isNotNull();

            // Left at the code page: Vienna is still new, so the code is asked again, and this time given
            HtmlPage otp = login(vera, "vera");
            assertThat(otp.getHtmlElementById("zt-risk-notice").asNormalizedText()).contains("Sign-in from a new country: Austria");
            assertThat(BrowserBehindProxy.signedIn(OneTimeCodes.submit(otp, "vera", OTP_SECRET))).isTrue();
            assertThat(latestLogin(realm, "vera")).containsEntry("zt_risk_level", "MEDIUM").containsEntry("zt_risk_verified", "true");

            // Verified: Vienna is one of vera's places now
            assertThat(BrowserBehindProxy.signedIn(login(vera, "vera"))).as("straight in from Vienna").isTrue();
            Map<String, String> known = latestLogin(realm, "vera");
            assertThat(known).containsEntry("zt_risk_level", "LOW").containsEntry("zt_risk_verified", "true");
            assertThat(known.get("zt_risk_reasons")).contains("GEO_KNOWN_CITY").contains("DEVICE_KNOWN").doesNotContain("GEO_NEW_COUNTRY");
        }
    }

    @Test
    void anSsoReLoginThatNoAssessmentJudgedTeachesNothing() throws Exception {
        try (BrowserBehindProxy jana = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(login(jana, "jana"))).as("jana at home").isTrue();
            assertThat(latestLogin(realm, "jana")).containsEntry("zt_risk_verified", "true");

            // Whoever holds jana's SSO cookie, from Tokyo: Cookie signs the session in again, and no assessment runs
            HtmlPage again = jana.from(RiskFixtures.TOKYO).authorize(realm.getName(), "account-console",
                    BrowserBehindProxy.ACCOUNT_CONSOLE_PKCE);
            assertThat(BrowserBehindProxy.signedIn(again)).as("SSO re-login: %s", again.getUrl()).isTrue();
            assertThat(LoginEvents.latest(realm, "jana").getIpAddress()).isEqualTo(RiskFixtures.TOKYO);
        }
        // That LOGIN carried the verdict of the sign-in at home only in the session's notes: Tokyo was not learned
        try (BrowserBehindProxy other = new BrowserBehindProxy(RiskFixtures.TOKYO)) {
            String reasons = lastVerdictReasons("jana", login(other, "jana"));
            assertThat(reasons).contains("GEO_NEW_COUNTRY").doesNotContain("GEO_KNOWN_COUNTRY").doesNotContain("GEO_KNOWN_CITY");
        }
    }

    /** The reasons of the sign-in that stopped at {@code page}: its code answered (a test may) or its refusal's event. */
    private String lastVerdictReasons(String username, HtmlPage page) throws Exception {
        if (page.getElementById("otp") != null) {
            HtmlPage after = OneTimeCodes.submit(page, username, OTP_SECRET);
            assertThat(BrowserBehindProxy.signedIn(after)).isTrue();
            Map<String, String> details = latestLogin(realm, username);
            assertThat(details.get("zt_risk_level")).isNotEqualTo("LOW");
            return details.get("zt_risk_reasons");
        }
        String reference = page.getHtmlElementById("zt-reference").asNormalizedText();
        List<EventRepresentation> errors = realm.admin().getEvents(List.of("LOGIN_ERROR"), null, null, null, null, null, 0, 50);
        EventRepresentation refusal = errors.stream().filter(e -> reference.equals(e.getDetails().get("zt_reference"))).findFirst()
                .orElseThrow(() -> new AssertionError("no LOGIN_ERROR with reference " + reference));
        assertThat(refusal.getDetails().get("zt_risk_level")).isNotEqualTo("LOW");
        return refusal.getDetails().get("zt_risk_reasons");
    }

    private static Map<String, String> latestLogin(ManagedRealm realm, String username) {
        return LoginEvents.latest(realm, username).getDetails();
    }

    private HtmlPage login(BrowserBehindProxy browser, String username) throws Exception {
        browser.endSession();
        return browser.login(realm.getName(), username, username + "-Passw0rd!");
    }

    private HtmlPage riskLogin(BrowserBehindProxy browser, String username) throws Exception {
        browser.endSession();
        return browser.login(riskRealm.getName(), username, username + "-Passw0rd!");
    }

    /** A resource-owner password grant to admin-cli, as a script would send it, with the browser's device cookie. */
    private HttpResponse<String> adminCliGrant(String username, String from, String deviceCookie) throws Exception {
        return OidcTokens.post(realm.getName(), Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", username, "password", username + "-Passw0rd!"), from, "Cookie", "ZT_DEVICE=" + deviceCookie);
    }
}
