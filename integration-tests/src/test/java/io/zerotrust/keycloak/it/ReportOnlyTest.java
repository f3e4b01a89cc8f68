package io.zerotrust.keycloak.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A realm admin rolls an enforcing step out in report-only mode first: the step records in the event what it would
 * have done (detail {@code zt_report_only}, and in the OCSF export) and the sign-in goes on. Such a sign-in is not
 * verified, so whoever signed in where the step would have stopped them teaches the profile nothing: once the step
 * enforces, the same sign-in is stopped as before.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class ReportOnlyTest {

    private static final String OTP_SECRET = "ztAdaptiveOtpSecret1234";
    private static final Duration ASYNC = Duration.ofSeconds(30);

    @InjectRealm(fromJson = "/zt-adaptive-realm.json", ref = "reportonly")
    ManagedRealm realm;

    @Test
    void aDenialSetToReportOnlyLetsTheSignInOnRecordsItAndTeachesNothing() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(signIn(browser, "pavel"))).as("pavel from Berlin").isTrue();

            // Tokyo minutes after Berlin: HIGH, which zt-deny refuses; in report-only mode the code at MEDIUM and above
            // is still asked (another step), and the sign-in goes on
            try (StepSetting reportOnly = StepSetting.set(realm, "zt-adaptive deny at HIGH", "zt-deny", "reportOnly", "true")) {
                HtmlPage code = signIn(browser.from(RiskFixtures.TOKYO), "pavel");
                assertThat(code.getElementById("otp")).as("the code page, not a refusal: %s", code.asNormalizedText()).isNotNull();
                HtmlPage home = OneTimeCodes.submit(code, "pavel", OTP_SECRET);
                assertThat(BrowserBehindProxy.signedIn(home)).as("signed in: %s", home.getUrl()).isTrue();
            }
            Map<String, String> login = LoginEvents.latest(realm, "pavel").getDetails();
            assertThat(login).containsEntry("zt_risk_level", "HIGH").containsEntry("zt_report_only", "deny")
                    .containsEntry("zt_risk_verified", "false").doesNotContainKey("zt_reference");
            assertThat(login.get("zt_risk_reasons")).contains("IMPOSSIBLE_TRAVEL");

            String userId = LoginEvents.userId(realm, "pavel");
            List<JsonNode> exported = WebhookReceiver.get().await(e -> e.path("class_uid").asInt() == 3002
                    && userId.equals(e.at("/user/uid").asText()) && e.toString().contains("report_only"), 1, ASYNC);
            assertThat(exported).as("the LOGIN at the SOC's webhook, saying what was not enforced").singleElement()
                    .satisfies(e -> assertThat(e.at("/enrichments/0/data/report_only").toString()).isEqualTo("[\"deny\"]"));

            // Enforcing again: Tokyo is refused as before, since the report-only sign-in taught the profile nothing
            HtmlPage refused = signIn(browser.from(RiskFixtures.TOKYO), "pavel");
            if (refused.getElementById("otp") != null) {
                refused = OneTimeCodes.submit(refused, "pavel", OTP_SECRET);
            }
            assertThat(BrowserBehindProxy.signedIn(refused)).as("Tokyo, enforced: %s", refused.asNormalizedText()).isFalse();
            assertThat(refused.asNormalizedText()).contains("Sign-in refused");
            // still impossible travel from Berlin, the last sign-in learned: Tokyo was not
            var error = realm.admin().getEvents(List.of("LOGIN_ERROR"), null, userId, null, null, null, 0, 1).get(0);
            assertThat(error.getError()).isEqualTo("access_denied");
            assertThat(error.getDetails().get("zt_risk_reasons")).contains("IMPOSSIBLE_TRAVEL");
            assertThat(error.getDetails()).doesNotContainKey("zt_report_only");
        }
    }

    @Test
    void aCodeSetToReportOnlyIsNotAskedAndTheSignInIsNotVerified() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(signIn(browser, "vera"))).as("vera from Berlin").isTrue();
            try (StepSetting reportOnly = StepSetting.set(realm, "zt-adaptive OTP at MEDIUM", "zt-otp-form", "reportOnly", "true")) {
                for (int i = 1; i <= 2; i++) {
                    HtmlPage home = signIn(browser.from(RiskFixtures.VIENNA), "vera");
                    assertThat(BrowserBehindProxy.signedIn(home)).as("Vienna %d, no code asked: %s", i, home.asNormalizedText())
                            .isTrue();
                    Map<String, String> login = LoginEvents.latest(realm, "vera").getDetails();
                    assertThat(login).containsEntry("zt_risk_level", "MEDIUM").containsEntry("zt_report_only", "otp")
                            .containsEntry("zt_risk_verified", "false");
                    // the first Vienna sign-in was not learned: the second is as new
                    assertThat(login.get("zt_risk_reasons")).as("Vienna %d", i).contains("GEO_NEW_COUNTRY");
                }
            }
            HtmlPage enforced = signIn(browser.from(RiskFixtures.VIENNA), "vera");
            assertThat(enforced.getElementById("otp")).as("enforcing again, the code is asked").isNotNull();
        }
    }

    private HtmlPage signIn(BrowserBehindProxy browser, String username) throws Exception {
        browser.endSession();
        return browser.login(realm.getName(), username, username + "-Passw0rd!");
    }
}
