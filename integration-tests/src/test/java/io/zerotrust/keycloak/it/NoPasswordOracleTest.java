package io.zerotrust.keycloak.it;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zerotrust.keycloak.risk.anomaly.StepUpMark;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, no password oracle, in the recommended layout (zt-oracle-realm.json): zt-condition-network and zt-deny
 * before the password, so a refusal by network cannot depend on the password; zt-risk-assessment and zt-deny at
 * HIGH after it, where a refusal of a correct password is evidence of a leaked credential: counted, reported as a
 * finding, and the user is marked for the strongest factor and a password change.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class NoPasswordOracleTest {

    private static final Pattern REFERENCE = Pattern.compile("[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}");
    private static final String LENA_OTP = "ztOracleOtpSecretLena123";

    /** An address no other test signs in from, standing for an office NAT a stranger sprays from. */
    private static final String NAT = "192.88.99.88";

    @InjectRealm(fromJson = "/zt-oracle-realm.json", ref = "oracle")
    ManagedRealm realm;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void showThePacksMarksToTheAdmin() {
        // The user profile hides attributes it does not declare (the pack's marks) from the admin API unless told
        UPConfig profile = realm.admin().users().userProfile().getConfiguration();
        if (profile.getUnmanagedAttributePolicy() != UPConfig.UnmanagedAttributePolicy.ADMIN_VIEW) {
            profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_VIEW);
            realm.admin().users().userProfile().update(profile);
        }
    }

    @Test
    void fromTorACorrectAndAWrongPasswordGetTheSamePage() throws Exception {
        HtmlPage correct = attackFromTor("victor", "victor-Passw0rd!");
        HtmlPage wrong = attackFromTor("victor", "not-victors-password");
        HtmlPage nobody = attackFromTor("nobody-at-all", "whatever-1");

        assertThat(correct.asNormalizedText()).contains("Sign-in refused");
        assertThat(correct.getElementById("zt-reference")).isNotNull();
        for (HtmlPage other : List.of(wrong, nobody)) {
            assertThat(other.getWebResponse().getStatusCode()).isEqualTo(correct.getWebResponse().getStatusCode());
            assertThat(masked(other.asNormalizedText())).isEqualTo(masked(correct.asNormalizedText()));
        }

        // Refused by network alone: no account named, nothing counted against victor, victor not marked
        List<String> references = List.of(correct, wrong, nobody).stream()
                .map(page -> page.getHtmlElementById("zt-reference").asNormalizedText()).toList();
        List<EventRepresentation> errors = realm.admin().getEvents(List.of("LOGIN_ERROR"), null, null, null, null, null, 0, 100);
        assertThat(errors).filteredOn(e -> references.contains(e.getDetails().get("zt_reference"))).hasSize(3)
                .allSatisfy(e -> {
                    assertThat(e.getError()).isEqualTo("access_denied");
                    assertThat(e.getDetails()).doesNotContainKey("zt_password_verified");
                    assertThat(e.getDetails().get("zt_risk_reasons")).contains("IP_TOR_EXIT");
                    assertThat(e.getUserId()).isNull();
                });
        assertThat(realm.admin().getEvents(List.of("LOGIN_ERROR"), null, LoginEvents.userId(realm, "victor"), null, null, null, 0, 10))
                .as("failures of victor").isEmpty();
        UserRepresentation victor = user("victor");
        assertThat(attributes(victor)).doesNotContainKey(StepUpMark.ATTRIBUTE);
        assertThat(requiredActions(victor)).doesNotContain("UPDATE_PASSWORD");
    }

    @Test
    void aFormFetchedFromACleanAddressAndPostedFromTorGetsTheSameAnswerWhateverThePassword() throws Exception {
        HtmlPage correct = fetchCleanPostFromTor("victor", "victor-Passw0rd!");
        HtmlPage wrong = fetchCleanPostFromTor("victor", "not-victors-password");

        assertThat(correct.getElementById("zt-reference")).as("refused: %s", correct.asNormalizedText()).isNotNull();
        assertThat(wrong.getWebResponse().getStatusCode()).isEqualTo(correct.getWebResponse().getStatusCode());
        assertThat(masked(wrong.asNormalizedText())).isEqualTo(masked(correct.asNormalizedText()));
        // refused before the password was looked at: nothing about victor's password reached the event
        String reference = correct.getHtmlElementById("zt-reference").asNormalizedText();
        EventRepresentation refusal = realm.admin().getEvents(List.of("LOGIN_ERROR"), null, null, null, null, null, 0, 100)
                .stream().filter(e -> reference.equals(e.getDetails().get("zt_reference"))).findFirst().orElseThrow();
        assertThat(refusal.getDetails()).doesNotContainKey("zt_password_verified");
        assertThat(refusal.getDetails().get("zt_risk_reasons")).contains("IP_TOR_EXIT");
    }

    /** The login page fetched through a clean address (Berlin), the form then posted from the Tor exit. */
    private HtmlPage fetchCleanPostFromTor(String username, String password) throws Exception {
        try (BrowserBehindProxy attacker = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            HtmlPage form = attacker.authorize(realm.getName(), "account-console", BrowserBehindProxy.ACCOUNT_CONSOLE_PKCE);
            assertThat(BrowserBehindProxy.offersPasswordForm(form)).as("password form from Berlin").isTrue();
            attacker.from(RiskFixtures.BERLIN_TOR);
            return BrowserBehindProxy.submitPassword(form, username, password);
        }
    }

    @Test
    void inADirectGrantFromTorTheAnswerDoesNotDependOnThePassword() throws Exception {
        HttpResponse<String> correct = passwordGrant("dino", "dino-Passw0rd!", RiskFixtures.BERLIN_TOR);
        HttpResponse<String> wrong = passwordGrant("dino", "not-dinos-password", RiskFixtures.BERLIN_TOR);
        HttpResponse<String> nobody = passwordGrant("nobody-at-all", "whatever-1", RiskFixtures.BERLIN_TOR);

        JsonNode correctError = json.readTree(correct.body());
        assertThat(correct.statusCode()).as(correct.body()).isEqualTo(400);
        assertThat(correctError.path("error").asText()).isEqualTo("access_denied");
        assertThat(REFERENCE.matcher(correctError.path("error_description").asText()).find()).isTrue();
        for (HttpResponse<String> other : List.of(wrong, nobody)) {
            JsonNode error = json.readTree(other.body());
            assertThat(other.statusCode()).as(other.body()).isEqualTo(correct.statusCode());
            assertThat(error.path("error").asText()).isEqualTo(correctError.path("error").asText());
            assertThat(masked(error.path("error_description").asText())).isEqualTo(masked(correctError.path("error_description").asText()));
            assertThat(fieldNames(error)).isEqualTo(fieldNames(correctError));
        }
        // From an ordinary address the same grant works: the refusal above was the network's, not the account's
        assertThat(passwordGrant("dino", "dino-Passw0rd!", RiskFixtures.BERLIN).statusCode()).isEqualTo(200);
    }

    @Test
    void aCorrectPasswordRefusedByRiskIsCountedReportedAndMarksTheUser() throws Exception {
        String lenaId = LoginEvents.userId(realm, "lena");
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(browser.login(realm.getName(), "lena", "lena-Passw0rd!"))).as("lena at home").isTrue();
            browser.endSession();
            assertThat(BrowserBehindProxy.signedIn(browser.login(realm.getName(), "lena", "lena-Passw0rd!"))).as("lena at home again").isTrue();

            // Someone tries lena's account from Tokyo minutes later: impossible travel, HIGH, refused after the password
            browser.endSession();
            HtmlPage wrong = browser.from(RiskFixtures.TOKYO).login(realm.getName(), "lena", "guessed-Passw0rd!");
            assertThat(wrong.getElementById("zt-reference")).as("a wrong password is just wrong: %s", wrong.asNormalizedText()).isNull();
            assertThat(realm.admin().getEvents(List.of("LOGIN_ERROR"), null, lenaId, null, null, null, 0, 10))
                    .singleElement().satisfies(e -> {
                        assertThat(e.getError()).isEqualTo("invalid_user_credentials");
                        assertThat(e.getDetails()).doesNotContainKey("zt_password_verified");
                    });
            assertThat(attributes(user("lena"))).doesNotContainKey(StepUpMark.ATTRIBUTE);

            for (int attempt = 1; attempt <= 2; attempt++) {
                browser.endSession();
                HtmlPage refused = browser.from(RiskFixtures.TOKYO).login(realm.getName(), "lena", "lena-Passw0rd!");
                assertThat(refused.getElementById("zt-reference")).as("refused: %s", refused.asNormalizedText()).isNotNull();
            }
            List<EventRepresentation> refusals = realm.admin().getEvents(List.of("LOGIN_ERROR"), null, lenaId, null, null, null, 0, 10)
                    .stream().filter(e -> "access_denied".equals(e.getError())).toList();
            assertThat(refusals).hasSize(2).allSatisfy(e -> {
                assertThat(e.getUserId()).isEqualTo(lenaId);
                assertThat(e.getDetails()).containsEntry("zt_password_verified", "true").containsEntry("zt_risk_level", "HIGH");
                assertThat(e.getDetails().get("zt_risk_reasons")).contains("IMPOSSIBLE_TRAVEL");
            });

            // The SOC hears of it: a HIGH finding about lena
            List<JsonNode> findings = WebhookReceiver.get().await(e -> e.path("class_uid").asInt() == 2004
                    && "LEAKED_CREDENTIAL".equals(e.path("unmapped").path("zt_finding").path("kind").asText())
                    && lenaId.equals(e.path("user").path("uid").asText()), 1, Duration.ofSeconds(30));
            assertThat(findings).as("LEAKED_CREDENTIAL finding about lena at the webhook").hasSize(1);
            assertThat(findings.get(0).path("risk_level").asText()).isEqualTo("High");

            // Both refusals counted as failures of lena's from Tokyo: with the wrong password three, the threshold
            browser.endSession();
            HtmlPage third = browser.from(RiskFixtures.TOKYO).login(realm.getName(), "lena", "lena-Passw0rd!");
            String thirdReference = third.getHtmlElementById("zt-reference").asNormalizedText();
            assertThat(realm.admin().getEvents(List.of("LOGIN_ERROR"), null, lenaId, null, null, null, 0, 10))
                    .filteredOn(e -> thirdReference.equals(e.getDetails().get("zt_reference")))
                    .singleElement().satisfies(e -> assertThat(e.getDetails().get("zt_risk_reasons")).contains("LOGIN_FAILURES_USER"));

            UserRepresentation lena = user("lena");
            assertThat(StepUpMark.parse(attributes(lena).getOrDefault(StepUpMark.ATTRIBUTE, List.of("")).get(0)))
                    .as("step-up mark on lena: %s", attributes(lena)).isNotNull();
            assertThat(requiredActions(lena)).contains("UPDATE_PASSWORD");

            // lena herself, from home, on her usual device: her code first, then a new password
            browser.endSession();
            HtmlPage otp = browser.from(RiskFixtures.BERLIN).login(realm.getName(), "lena", "lena-Passw0rd!");
            assertThat(otp.getElementById("otp")).as("second factor for marked lena: %s", otp.asNormalizedText()).isNotNull();
            HtmlPage change = OneTimeCodes.submit(otp, "lena", LENA_OTP);
            assertThat(change.getElementById("password-new")).as("password change: %s", change.asNormalizedText()).isNotNull();
            change.getHtmlElementById("password-new").type("lena-N3w-Passw0rd!");
            change.getHtmlElementById("password-confirm").type("lena-N3w-Passw0rd!");
            org.htmlunit.html.HtmlElement submit = change.getFirstByXPath("//form//*[@type='submit']");
            HtmlPage done = submit.click();
            assertThat(BrowserBehindProxy.signedIn(done)).as("signed in after the change: %s", done.getUrl()).isTrue();

            // The LOGIN after a required action carries no flow details; its verdict reaches the SOC from the session
            String loginId = LoginEvents.latest(realm, "lena").getId();
            List<JsonNode> delivered = WebhookReceiver.get().await(e -> loginId.equals(e.path("metadata").path("uid").asText()), 1,
                    Duration.ofSeconds(30));
            assertThat(delivered).as("OCSF LOGIN %s at the webhook", loginId).hasSize(1);
            // Marked; failures from Tokyo do not count against lena's own sign-in at home
            assertThat(delivered.get(0).path("enrichments").toString()).contains("ANOMALY_FLAGGED").doesNotContain("LOGIN_FAILURES_USER");
            assertThat(requiredActions(user("lena"))).doesNotContain("UPDATE_PASSWORD");
        }
    }

    @Test
    void aCorrectPasswordRefusedOnlyBecauseOthersSprayedFromTheAddressIsNotHeldAgainstTheUser() throws Exception {
        RealmUsers.createWithPassword(realm, "noor");
        try (BrowserBehindProxy home = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(home.login(realm.getName(), "noor", "noor-Passw0rd!"))).as("noor at home").isTrue();

            // A stranger sprays from the address noor's office NAT shares: one guess at each of six made-up accounts
            try (BrowserBehindProxy stranger = new BrowserBehindProxy(NAT)) {
                for (int i = 1; i <= 6; i++) {
                    stranger.endSession();
                    assertThat(BrowserBehindProxy.signedIn(stranger.login(realm.getName(), "nobody" + i, "Winter2026!"))).isFalse();
                }
            }
            // noor, behind that NAT on a new browser, with her right password: refused because of the spray
            try (BrowserBehindProxy office = new BrowserBehindProxy(NAT)) {
                HtmlPage refused = office.login(realm.getName(), "noor", "noor-Passw0rd!");
                assertThat(refused.getElementById("zt-reference")).as("refused: %s", refused.asNormalizedText()).isNotNull();
            }
            String noorId = LoginEvents.userId(realm, "noor");
            EventRepresentation refusal = realm.admin().getEvents(List.of("LOGIN_ERROR"), null, noorId, null, null, null, 0, 1).get(0);
            assertThat(refusal.getDetails()).containsEntry("zt_password_verified", "true").containsEntry("zt_refusal_basis", "source");
            assertThat(refusal.getDetails().get("zt_risk_reasons")).contains("PASSWORD_SPRAY_IP");
            // once the scorer has seen the refusal (the SOC has it), still no finding about noor, no mark, no new password
            assertThat(WebhookReceiver.get().await(e -> refusal.getId().equals(e.path("metadata").path("uid").asText()), 1,
                    Duration.ofSeconds(30))).isNotEmpty();
            assertThat(WebhookReceiver.get().matching(e -> e.path("class_uid").asInt() == 2004
                    && noorId.equals(e.path("user").path("uid").asText()))).as("findings about noor").isEmpty();
            UserRepresentation noor = user("noor");
            assertThat(attributes(noor)).doesNotContainKey(StepUpMark.ATTRIBUTE);
            assertThat(requiredActions(noor)).doesNotContain("UPDATE_PASSWORD");

            home.endSession();
            assertThat(BrowserBehindProxy.signedIn(home.login(realm.getName(), "noor", "noor-Passw0rd!"))).as("noor at home again").isTrue();
            assertThat(LoginEvents.latest(realm, "noor").getDetails()).containsEntry("zt_risk_level", "LOW");
        }
    }

    private HtmlPage attackFromTor(String username, String password) throws Exception {
        try (BrowserBehindProxy attacker = new BrowserBehindProxy(RiskFixtures.BERLIN_TOR)) {
            HtmlPage page = attacker.tryLogin(realm.getName(), username, password);
            assertThat(BrowserBehindProxy.offersPasswordForm(page)).as("password form from Tor: %s", page.asNormalizedText()).isFalse();
            return page;
        }
    }

    private static String masked(String text) {
        return REFERENCE.matcher(text).replaceAll("REFERENCE");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private UserRepresentation user(String username) {
        return realm.admin().users().get(LoginEvents.userId(realm, username)).toRepresentation();
    }

    private static List<String> requiredActions(UserRepresentation user) {
        return user.getRequiredActions() == null ? List.of() : user.getRequiredActions();
    }

    private static Map<String, List<String>> attributes(UserRepresentation user) {
        return user.getAttributes() == null ? Map.of() : user.getAttributes();
    }

    private HttpResponse<String> passwordGrant(String username, String password, String from) throws Exception {
        return OidcTokens.post(realm.getName(), Map.of("grant_type", "password", "client_id", "zt-cli", "scope", "openid",
                "username", username, "password", password), from);
    }
}
