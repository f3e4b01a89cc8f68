package io.zerotrust.keycloak.it;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stranger's traffic must not log out or mark the users it targets. One wrong password for each of 40
 * accounts from one address is a cross-account finding (HIGH once 40 accounts failed, with the
 * {@code login-failures} thresholds of 5 accounts); the pack must report it and make sign-ins from that address riskier, while
 * every targeted user keeps their sessions (online and offline) and signs in as usual, unprompted.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class SourceAbuseTest {

    private static final int VICTIMS = 40;
    private static final Duration ASYNC = Duration.ofSeconds(60);
    /**
     * A public address the GeoIP fixtures do not place, so in no network another test signs in from: the realm's
     * id is the same in every test class using zt-risk-realm.json, and failures stay in the database for the
     * window, so a spray from a placed network would make other classes' sign-ins from it riskier.
     */
    private static final String ATTACKER = "192.88.99.77";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @InjectRealm(fromJson = "/zt-risk-realm.json", ref = "source-abuse")
    ManagedRealm realm;

    @Test
    void aSprayAcrossFortyAccountsFromOneAddressStepsUpTheAddressAndLeavesItsTargetsAlone() throws Exception {
        List<Victim> victims = new ArrayList<>();
        try {
            for (int i = 1; i <= VICTIMS; i++) {
                victims.add(usualSignIn(String.format("spray%02d", i)));
            }

            try (BrowserBehindProxy attacker = new BrowserBehindProxy(ATTACKER)) {
                for (Victim victim : victims) {
                    attacker.endSession();
                    HtmlPage page = attacker.login(realm.getName(), victim.username, "Autumn2026!");
                    assertThat(BrowserBehindProxy.signedIn(page)).isFalse();
                }
            }

            // The scorer reports again each time the number of accounts doubles, counted over the failures committed
            // by then: from twice the threshold (5 accounts) the finding is HIGH
            String realmId = realm.admin().toRepresentation().getId();
            List<JsonNode> findings = WebhookReceiver.get().await(e -> e.path("class_uid").asInt() == 2004
                    && e.path("activity_id").asInt() == 1
                    && realmId.equals(e.at("/unmapped/zt_finding/realm_id").asText())
                    && e.toString().contains(ATTACKER) && "High".equals(e.path("risk_level").asText()), 1, ASYNC);
            assertThat(findings).as("a HIGH Detection Finding about the accounts failing from %s", ATTACKER).isNotEmpty();
            JsonNode finding = findings.get(0);
            assertThat(finding.at("/finding_info/types/0").asText()).isIn("CREDENTIAL_STUFFING", "PASSWORD_SPRAY");
            assertThat(Integer.parseInt(finding.at("/finding_info/desc").asText().split(" ")[0]))
                    .as("accounts it counts: %s", finding.at("/finding_info/desc").asText()).isGreaterThanOrEqualTo(10);
            assertThat(finding.has("user")).as("a finding about a source names no user").isFalse();

            for (Victim victim : victims) {
                HttpResponse<String> refreshed = refresh(victim.refreshToken);
                assertThat(refreshed.statusCode()).as("%s's refresh token after the spray: %s", victim.username,
                        refreshed.body()).isEqualTo(200);
                HttpResponse<String> offline = refresh(victim.offlineToken);
                assertThat(offline.statusCode()).as("%s's offline token after the spray: %s", victim.username,
                        offline.body()).isEqualTo(200);

                victim.browser.endSession();
                HtmlPage page = victim.browser.login(realm.getName(), victim.username, password(victim.username));
                assertThat(BrowserBehindProxy.signedIn(page)).as("%s signs in unprompted; page %s", victim.username,
                        page.getUrl()).isTrue();
                Map<String, String> details = LoginEvents.latest(realm, victim.username).getDetails();
                assertThat(details.get("zt_risk_level")).as("%s's usual sign-in: %s", victim.username, details)
                        .isEqualTo("LOW");
                assertThat(details.getOrDefault("zt_risk_reasons", "")).doesNotContain("ANOMALY_FLAGGED");
            }

            // The address itself is what the evidence is about. Someone behind it (the NAT case) signing in with their
            // right password is stepped up (this realm asks a code of users who have one) or refused, and nothing is
            // held against them: no mark, no password change, no logout
            Victim behindNat = victims.get(0);
            String userId = LoginEvents.userId(realm, behindNat.username);
            try (BrowserBehindProxy nat = new BrowserBehindProxy(ATTACKER)) {
                nat.login(realm.getName(), behindNat.username, password(behindNat.username));
            }
            EventRepresentation fromNat = realm.admin().getEvents(List.of("LOGIN", "LOGIN_ERROR"), null, userId, null, null,
                    null, 0, 1).get(0);
            assertThat(fromNat.getIpAddress()).isEqualTo(ATTACKER);
            assertThat(fromNat.getDetails().get("zt_risk_level")).as("from the spraying address: %s", fromNat.getDetails())
                    .isIn("MEDIUM", "HIGH");
            assertThat(fromNat.getDetails().get("zt_risk_reasons")).containsAnyOf("PASSWORD_SPRAY_IP", "CREDENTIAL_STUFFING_IP");
            if ("LOGIN_ERROR".equals(fromNat.getType())) {
                assertThat(fromNat.getDetails()).containsEntry("zt_refusal_basis", "source");
            }
            // the scorer has seen it once the SOC has it
            assertThat(WebhookReceiver.get().await(e -> fromNat.getId().equals(e.path("metadata").path("uid").asText()), 1, ASYNC))
                    .isNotEmpty();
            assertThat(realm.admin().users().get(userId).toRepresentation().getRequiredActions()).doesNotContain("UPDATE_PASSWORD");
            assertThat(refresh(behindNat.refreshToken).statusCode()).as("refresh token after the refusal").isEqualTo(200);
            assertThat(refresh(behindNat.offlineToken).statusCode()).as("offline token after the refusal").isEqualTo(200);
            behindNat.browser.endSession();
            assertThat(BrowserBehindProxy.signedIn(behindNat.browser.login(realm.getName(), behindNat.username,
                    password(behindNat.username)))).as("back home, unprompted").isTrue();
            Map<String, String> home = LoginEvents.latest(realm, behindNat.username).getDetails();
            assertThat(home).containsEntry("zt_risk_level", "LOW");
            assertThat(home.getOrDefault("zt_risk_reasons", "")).doesNotContain("ANOMALY_FLAGGED");
        } finally {
            victims.forEach(v -> v.browser.close());
        }
    }

    /** Creates the user, signs in once from home (Berlin) on their own browser; keeps a refresh and an offline token. */
    private Victim usualSignIn(String username) throws Exception {
        RealmUsers.createWithPassword(realm, username);
        BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN);
        HtmlPage page = browser.login(realm.getName(), username, password(username));
        assertThat(BrowserBehindProxy.signedIn(page)).as("%s's first sign-in; page %s", username, page.getUrl()).isTrue();
        String refreshToken = redeem(BrowserBehindProxy.code(page)).path("refresh_token").asText();

        // the same SSO session, now asking for an offline token (as an app of the user's would)
        HtmlPage offline = browser.authorize(realm.getName(), "account-console", "openid offline_access",
                BrowserBehindProxy.ACCOUNT_CONSOLE_PKCE);
        assertThat(BrowserBehindProxy.code(offline)).as("%s's offline grant; page %s", username, offline.getUrl()).isNotNull();
        JsonNode offlineTokens = redeem(BrowserBehindProxy.code(offline));
        String offlineToken = offlineTokens.path("refresh_token").asText();
        assertThat(OidcTokens.claims(offlineToken).path("typ").asText()).isEqualTo("Offline");
        return new Victim(username, browser, refreshToken, offlineToken);
    }

    private static String password(String username) {
        return username + "-Passw0rd!";
    }

    private JsonNode redeem(String code) throws Exception {
        HttpResponse<String> tokens = token(Map.of("grant_type", "authorization_code", "client_id", "account-console",
                "code", code, "code_verifier", BrowserBehindProxy.ACCOUNT_CONSOLE_PKCE_VERIFIER,
                "redirect_uri", BrowserBehindProxy.accountUrl(realm.getName())));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return json.readTree(tokens.body());
    }

    private HttpResponse<String> refresh(String refreshToken) throws Exception {
        return token(Map.of("grant_type", "refresh_token", "client_id", "account-console", "refresh_token", refreshToken));
    }

    private HttpResponse<String> token(Map<String, String> form) throws Exception {
        return OidcTokens.post(realm.getName(), form, RiskFixtures.BERLIN);
    }

    private record Victim(String username, BrowserBehindProxy browser, String refreshToken, String offlineToken) {
    }
}
