package io.zerotrust.keycloak.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * zt-trusted-device in the step-up realm (zt-stepup-realm.json): after the one-time code the user may trust the
 * browser; a trusted device lowers the risk of its later sign-ins, until the trust expires or the user or an admin
 * removes it, and a forged device cookie never passes for it. Every user starts alike: a first sign-in from
 * Berlin, then one from Vienna (a new country: MEDIUM, so a code is asked) where the device is trusted; the
 * check is then a sign-in from Zurich, another new country, which is MEDIUM from a merely known device and LOW
 * from a trusted one.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class TrustedDeviceTest {

    static final String CLIENT = "zt-app";
    static final String OTP_SECRET = "ztStepUpOtpSecret12345";

    @InjectRealm(fromJson = "/zt-stepup-realm.json", ref = "trust")
    ManagedRealm realm;

    @Test
    void aTrustedDeviceIsNotAskedForASecondFactorFromANewCountry() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            trustThisDevice(browser, "rosa");

            HtmlPage zurich = signIn(browser.from(RiskFixtures.ZURICH), "rosa");
            assertThat(BrowserBehindProxy.signedIn(zurich)).as("straight in from Zurich: %s", zurich.getUrl()).isTrue();
            Map<String, String> details = LoginEvents.latest(realm, "rosa").getDetails();
            assertThat(details).containsEntry("zt_risk_level", "LOW").doesNotContainKey("zt_trusted_device");
            assertThat(details.get("zt_risk_reasons")).contains("DEVICE_TRUSTED").contains("GEO_NEW_COUNTRY");

            // The account console lists it under two-factor authentication, removable: its own REST API, with rosa's token
            String accessToken = OidcTokens.redeem(realm.getName(), CLIENT, BrowserBehindProxy.code(zurich)).get("access_token").asText();
            HttpResponse<String> listed = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create(BrowserBehindProxy.BASE + "/realms/" + realm.getName() + "/account/credentials"))
                    .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            JsonNode trusted = null;
            for (JsonNode type : new ObjectMapper().readTree(listed.body())) {
                if ("zt-trusted-device".equals(type.path("type").asText())) {
                    trusted = type;
                }
            }
            assertThat(trusted).as("trusted devices in the account console's list: %s", listed.body()).isNotNull();
            assertThat(trusted.path("category").asText()).isEqualTo("two-factor");
            assertThat(trusted.path("removeable").asBoolean()).isTrue();
            assertThat(trusted.path("userCredentialMetadatas").toString()).contains("Vienna (AT)");
        }
    }

    @Test
    void anAdminRevokesATrustedDevice() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            trustThisDevice(browser, "quinn");
            String userId = LoginEvents.userId(realm, "quinn");
            CredentialRepresentation trusted = trustedDevice(userId);
            realm.admin().users().get(userId).removeCredential(trusted.getId());

            assertCodeAskedFromZurich(browser, "quinn");
        }
    }

    @Test
    void theUserRevokesATrustedDeviceThemselves() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            trustThisDevice(browser, "sara");
            CredentialRepresentation trusted = trustedDevice(LoginEvents.userId(realm, "sara"));

            // The account console's "remove": Keycloak's delete_credential action, confirmed by the signed-in user
            HtmlPage confirm = browser.authorize(realm.getName(), CLIENT, "kc_action=delete_credential:" + trusted.getId());
            assertThat(confirm.asNormalizedText()).as("confirmation page %s", confirm.getUrl()).contains(trusted.getUserLabel());
            Screenshots.take(confirm, "remove-trusted-device");
            HtmlPage after = confirm.getHtmlElementById("kc-accept").click();
            assertThat(BrowserBehindProxy.signedIn(after)).as("back at the application: %s", after.getUrl()).isTrue();
            assertThat(realm.admin().users().get(LoginEvents.userId(realm, "sara")).credentials())
                    .noneMatch(c -> "zt-trusted-device".equals(c.getType()));

            assertCodeAskedFromZurich(browser, "sara");
        }
    }

    @Test
    void trustExpires() throws Exception {
        try (StepSetting shortTrust = StepSetting.set(realm, "zt-stepup level 2", "zt-trusted-device", "trustDuration", "PT3S");
             BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            HtmlPage trustPage = trustThisDevice(browser, "erin");
            assertThat(trustPage.asNormalizedText()).contains("for one minute,");
            Thread.sleep(3_500); // the trust must lapse: time has to pass on the server's clock

            assertCodeAskedFromZurich(browser, "erin");
            assertThat(realm.admin().users().get(LoginEvents.userId(realm, "erin")).credentials())
                    .as("expired trust is removed").noneMatch(c -> "zt-trusted-device".equals(c.getType()));
        }
    }

    @Test
    void aForgedDeviceCookieIsNotTrusted() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            trustThisDevice(browser, "fred");
            // Keep the structure, change the MAC: as if copied from elsewhere and edited
            browser.tamperCookie("ZT_DEVICE", TrustedDeviceTest::flipMacByte);

            HtmlPage zurich = signIn(browser.from(RiskFixtures.ZURICH), "fred");
            assertThat(BrowserBehindProxy.signedIn(zurich)).isFalse();
            assertThat(zurich.getElementById("zt-reference")).as("refused: %s", zurich.asNormalizedText()).isNotNull();
            List<EventRepresentation> errors = realm.admin().getEvents(List.of("LOGIN_ERROR"), null, null, null, null, null, 0, 50);
            String reference = zurich.getHtmlElementById("zt-reference").asNormalizedText();
            Screenshots.take(zurich, "denied");
            assertThat(errors).filteredOn(e -> reference.equals(e.getDetails().get("zt_reference"))).singleElement()
                    .satisfies(e -> assertThat(e.getDetails().get("zt_risk_reasons")).contains("DEVICE_COOKIE_FORGED").doesNotContain("DEVICE_TRUSTED"));
        }
    }

    @Test
    void aConditionalOtpFormThatSkippedTheCodeEarnsNoTrust() throws Exception {
        // Client zt-skip-app signs in through Keycloak's Conditional OTP Form set to skip the code, then zt-trusted-device
        String flowId = realm.admin().flows().getFlows().stream()
                .filter(f -> "zt-skip-otp".equals(f.getAlias())).findFirst().orElseThrow().getId();
        org.keycloak.representations.idm.ClientRepresentation client = realm.admin().clients().findByClientId("zt-skip-app").get(0);
        client.setAuthenticationFlowBindingOverrides(Map.of("browser", flowId));
        realm.admin().clients().get(client.getId()).update(client);

        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            HtmlPage form = browser.authorize(realm.getName(), "zt-skip-app", null);
            HtmlPage after = BrowserBehindProxy.submitPassword(form, "tess", "tess-Passw0rd!");
            assertThat(after.getElementById("zt-trust-yes")).as("no trust offer without a code: %s", after.asNormalizedText()).isNull();
            assertThat(BrowserBehindProxy.signedIn(after)).as("signed in: %s", after.getUrl()).isTrue();
            assertThat(LoginEvents.latest(realm, "tess").getDetails()).containsEntry("zt_trusted_device", "no-second-factor");
            assertThat(realm.admin().users().get(LoginEvents.userId(realm, "tess")).credentials())
                    .noneMatch(c -> "zt-trusted-device".equals(c.getType()));
        }
    }

    /**
     * The cookie with one byte of its MAC (the last dot-separated part) flipped. Flipping a base64url character would
     * not do: the last character of an unpadded encoding carries spare bits, so changing it may leave the bytes alike.
     */
    static String flipMacByte(String cookie) {
        int dot = cookie.lastIndexOf('.');
        byte[] mac = java.util.Base64.getUrlDecoder().decode(cookie.substring(dot + 1));
        mac[0] ^= 0x01;
        return cookie.substring(0, dot + 1) + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    /** Berlin, then Vienna with a code, and "Trust this device"; returns the trust page as it was shown. */
    private HtmlPage trustThisDevice(BrowserBehindProxy browser, String username) throws Exception {
        assertThat(BrowserBehindProxy.signedIn(signIn(browser.from(RiskFixtures.BERLIN), username))).as("%s from Berlin", username).isTrue();
        HtmlPage otp = signIn(browser.from(RiskFixtures.VIENNA), username);
        HtmlPage trustPage = submitCode(otp, username);
        assertThat(trustPage.getElementById("zt-trust-yes")).as("trust offer on %s: %s", trustPage.getUrl(), trustPage.asNormalizedText()).isNotNull();
        Screenshots.take(trustPage, "trust-device");
        HtmlPage done = trustPage.getHtmlElementById("zt-trust-yes").click();
        assertThat(BrowserBehindProxy.signedIn(done)).as("signed in after trusting: %s", done.getUrl()).isTrue();
        assertThat(LoginEvents.latest(realm, username).getDetails()).containsEntry("zt_trusted_device", "trusted");
        return trustPage;
    }

    private void assertCodeAskedFromZurich(BrowserBehindProxy browser, String username) throws Exception {
        HtmlPage zurich = signIn(browser.from(RiskFixtures.ZURICH), username);
        assertThat(zurich.getElementById("otp")).as("code asked from Zurich: %s", zurich.asNormalizedText()).isNotNull();
        assertThat(zurich.getHtmlElementById("zt-risk-notice").asNormalizedText()).contains("Switzerland");
        HtmlPage next = submitCode(zurich, username);
        assertThat(next.getElementById("zt-trust-yes")).as("trust offered again: %s %s", next.getUrl(), next.asNormalizedText()).isNotNull();
        HtmlPage done = next.getHtmlElementById("zt-trust-no").click();
        assertThat(BrowserBehindProxy.signedIn(done)).as("signed in without trusting: %s", done.getUrl()).isTrue();
        Map<String, String> details = LoginEvents.latest(realm, username).getDetails();
        assertThat(details).containsEntry("zt_risk_level", "MEDIUM").containsEntry("zt_trusted_device", "declined");
        assertThat(details.get("zt_risk_reasons")).contains("GEO_NEW_COUNTRY").doesNotContain("DEVICE_TRUSTED");
    }

    private CredentialRepresentation trustedDevice(String userId) {
        return realm.admin().users().get(userId).credentials().stream()
                .filter(c -> "zt-trusted-device".equals(c.getType())).findFirst()
                .orElseThrow(() -> new AssertionError("no trusted device stored"));
    }

    private HtmlPage signIn(BrowserBehindProxy browser, String username) throws Exception {
        browser.endSession();
        HtmlPage form = browser.authorize(realm.getName(), CLIENT, null);
        return BrowserBehindProxy.submitPassword(form, username, username + "-Passw0rd!");
    }

    static HtmlPage submitCode(HtmlPage otp, String username) throws Exception {
        return OneTimeCodes.submit(otp, username, OTP_SECRET);
    }
}
