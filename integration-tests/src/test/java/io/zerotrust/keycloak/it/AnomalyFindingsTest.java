package io.zerotrust.keycloak.it;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anomaly scorer behind zt-events on a real server: a credential-stuffing run yields a Detection Finding at
 * the SOC's webhook and leaves the targeted users alone; a refresh token used from another country than its
 * login revokes the session (the default action at HIGH) but not the user's offline sessions (not configured);
 * the SOC's endpoint accepts only tokens meant for it, with the role in the token, and exports every verdict.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class AnomalyFindingsTest {

    private static final Duration ASYNC = Duration.ofSeconds(30);
    private static final String STUFFING_SOURCE = "198.51.100.77";
    /** The realm's client for SOC tooling: its tokens carry the zt-findings audience. */
    private static final String SOC_CLIENT = "zt-soc";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @InjectRealm(fromJson = "/zt-risk-realm.json", ref = "anomaly")
    ManagedRealm realm;

    @Test
    void credentialStuffingYieldsAFindingAndLeavesTheTargetedUsersAlone() throws Exception {
        try (BrowserBehindProxy attacker = new BrowserBehindProxy(STUFFING_SOURCE)) {
            for (int i = 1; i <= 6; i++) {
                // three guesses an account: more than the one or two of a spray
                for (String guess : new String[] {"Summer2026!", "Password1", "Winter2026!"}) {
                    attacker.endSession();
                    assertThat(BrowserBehindProxy.signedIn(attacker.login(realm.getName(), "victim0" + i, guess))).isFalse();
                }
            }
        }

        List<JsonNode> findings = WebhookReceiver.get().await(e -> e.path("class_uid").asInt() == 2004
                && e.toString().contains(STUFFING_SOURCE), 1, ASYNC);
        assertThat(findings).as("Detection Finding about %s at the webhook", STUFFING_SOURCE).isNotEmpty();
        assertThat(findings.get(0).toString()).contains("MANY_ACCOUNTS_FAILING_FROM_IP");

        // A finding's actions run before it is delivered: had it marked the targets, this sign-in would show it
        try (BrowserBehindProxy victim = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            HtmlPage page = victim.login(realm.getName(), "victim01", "victim01-Passw0rd!");
            assertThat(BrowserBehindProxy.signedIn(page)).as("victim01 signs in unprompted; page %s", page.getUrl()).isTrue();
        }
        assertThat(LoginEvents.latest(realm, "victim01").getDetails().getOrDefault("zt_risk_reasons", ""))
                .doesNotContain("ANOMALY_FLAGGED");
    }

    /**
     * A sprayer chooses the names it tries, and a finding about a source names them: long enough names, enough of
     * them, and the finding no longer fits its row. It must be kept shortened, not fail the scorer's transaction on
     * every retry (which would stop all scoring, for every user). After the spray the scorer's share of the outbox
     * drains to nothing and the scorer is up.
     */
    @Test
    void aSprayOfLongNamesCannotStopTheScorer() throws Exception {
        // A source is reported again each time its accounts double, counted over the failures committed by then:
        // after 300 the last report counts more than 150, names enough to overflow a row
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> refused = token(LONG_NAMES_SOURCE, Map.of("grant_type", "password", "client_id", SOC_CLIENT,
                    "username", "sprayed-" + i + "-" + "x".repeat(220), "password", "Autumn2026!"));
            assertThat(refused.statusCode()).as("attempt %d: %s", i, refused.body()).isEqualTo(400);
        }
        Map<String, String> pipeline = null;
        long deadline = System.nanoTime() + ASYNC.toNanos();
        while (System.nanoTime() < deadline) {
            pipeline = admin.serverInfo().getInfo().getProviders().get("eventsListener").getProviders().get("zt-events")
                    .getOperationalInfo();
            if ("0".equals(pipeline.get("scorer-backlog")) && "up".equals(pipeline.get("scorer-state"))) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(pipeline).as("the scorer after the spray").containsEntry("scorer-backlog", "0")
                .containsEntry("scorer-state", "up");
        // The last findings named more accounts than a row holds: they are kept too, shortened
        int most = 0;
        for (JsonNode f : json.readTree(findings(accessToken(SOC_CLIENT, "sam")).body())) {
            if (LONG_NAMES_SOURCE.equals(f.path("ip").asText())) {
                for (JsonNode reason : f.path("reasons")) {
                    java.util.regex.Matcher count = java.util.regex.Pattern.compile("^(\\d+)(?: of \\d+)? accounts (?:failed|failing)")
                            .matcher(reason.path("text").asText());
                    if (count.find()) {
                        most = Math.max(most, Integer.parseInt(count.group(1)));
                    }
                }
            }
        }
        assertThat(most).as("most accounts a kept finding about the sprayer counts").isGreaterThan(150);
    }

    /** Not placed by the GeoIP fixtures, and used by no other test. */
    private static final String LONG_NAMES_SOURCE = "192.88.99.88";

    @InjectAdminClient
    Keycloak admin;

    @Test
    void refreshFromAnotherCountryRevokesTheSessionButNotTheOfflineOnes() throws Exception {
        String refreshToken = tokensFromBerlin("carol").path("refresh_token").asText();
        String offlineToken = offlineTokenFromBerlin("carol");

        HttpResponse<String> stolen = refresh(refreshToken, RiskFixtures.TOKYO);
        assertThat(stolen.statusCode()).as("first refresh from Tokyo: %s", stolen.body()).isEqualTo(200);
        String rotated = json.readTree(stolen.body()).path("refresh_token").asText(refreshToken);

        long deadline = System.nanoTime() + ASYNC.toNanos();
        HttpResponse<String> after = refresh(rotated, RiskFixtures.BERLIN);
        while (after.statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            rotated = json.readTree(after.body()).path("refresh_token").asText(rotated);
            after = refresh(rotated, RiskFixtures.BERLIN);
        }
        assertThat(after.statusCode()).as("refresh after the token-theft finding: %s", after.body()).isEqualTo(400);
        assertThat(after.body()).contains("invalid_grant");
        HttpResponse<String> offline = refresh(offlineToken, RiskFixtures.BERLIN);
        assertThat(offline.statusCode()).as("offline token (revoke-offline-sessions is off): %s", offline.body())
                .isEqualTo(200);
    }

    @Test
    void analystFeedbackIsGuardedByAudienceAndTokenRoleIsAuditedAndSaysWhatAFalsePositiveTaught() throws Exception {
        String refreshToken = tokensFromBerlin("dave").path("refresh_token").asText();
        assertThat(refresh(refreshToken, RiskFixtures.TOKYO).statusCode()).isEqualTo(200);
        String daveId = LoginEvents.userId(realm, "dave");
        JsonNode finding = awaitFinding(daveId);
        String findingId = finding.path("id").asText();

        assertThat(findings(null).statusCode()).as("no token").isEqualTo(401);
        assertThat(findings(accessToken("admin-cli", "sam")).statusCode())
                .as("the analyst's token of another client, without the zt-findings audience").isEqualTo(401);
        String erinsToken = accessToken(SOC_CLIENT, "erin");
        assertThat(findings(erinsToken).statusCode()).as("a user without the role").isEqualTo(403);
        RoleRepresentation role = realm.admin().roles().get("zt-soc-analyst").toRepresentation();
        String erinId = LoginEvents.userId(realm, "erin");
        realm.admin().users().get(erinId).roles().realmLevel().add(List.of(role));
        try {
            assertThat(findings(erinsToken).statusCode()).as("a token issued before the role was granted").isEqualTo(403);
            String withRole = accessToken(SOC_CLIENT, "erin");
            assertThat(findings(withRole).statusCode()).as("a token carrying the role").isEqualTo(200);
            realm.admin().users().get(erinId).roles().realmLevel().remove(List.of(role));
            assertThat(findings(withRole).statusCode()).as("the role taken away since the token was issued").isEqualTo(403);
        } finally {
            realm.admin().users().get(erinId).roles().realmLevel().remove(List.of(role));
        }

        String analyst = accessToken(SOC_CLIENT, "sam");
        assertThat(feedback(analyst, "no-such-finding", "{\"verdict\":\"false_positive\"}").statusCode()).isEqualTo(404);
        assertThat(feedback(analyst, findingId, "{\"verdict\":\"maybe\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> accepted = feedback(analyst, findingId, "{\"verdict\":\"false_positive\",\"note\":\"travelling\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        JsonNode answer = json.readTree(accepted.body());
        assertThat(answer.at("/effects/taught/country").asText()).as("what the false positive taught: %s", answer)
                .isEqualTo("JP");
        assertThat(answer.at("/effects/taught/network").asText()).isEqualTo("AS64530");
        assertThat(answer.at("/effects/stepUpMarkLifted").asBoolean()).as("the finding's own step-up mark").isTrue();

        String samId = LoginEvents.userId(realm, "sam");
        List<JsonNode> audit = WebhookReceiver.get().await(e -> e.path("class_uid").asInt() == 2004
                && e.path("activity_id").asInt() == 2 && findingId.equals(e.at("/finding_info/uid").asText()), 1, ASYNC);
        assertThat(audit).as("the verdict's audit record at the SOC's webhook").singleElement().satisfies(record -> {
            assertThat(record.at("/actor/user/uid").asText()).isEqualTo(samId);
            assertThat(record.path("verdict").asText()).isEqualTo("False Positive");
            assertThat(record.path("comment").asText()).isEqualTo("travelling");
            assertThat(record.path("time").asLong()).isPositive();
        });

        // Tokyo is now one of dave's places: signing in from there is no longer a new country
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.TOKYO)) {
            assertThat(BrowserBehindProxy.signedIn(browser.login(realm.getName(), "dave", "dave-Passw0rd!"))).isTrue();
        }
        assertThat(LoginEvents.latest(realm, "dave").getDetails().get("zt_risk_reasons")).doesNotContain("GEO_NEW_COUNTRY");
    }

    private JsonNode awaitFinding(String userId) throws Exception {
        String analyst = accessToken(SOC_CLIENT, "sam");
        long deadline = System.nanoTime() + ASYNC.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> list = findings(analyst);
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            for (JsonNode f : json.readTree(list.body())) {
                if (userId.equals(f.path("userId").asText())) {
                    return f;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no finding about user " + userId);
    }

    private HttpResponse<String> findings(String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(findingsUrl())).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> feedback(String bearer, String findingId, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(findingsUrl() + "/" + findingId + "/feedback"))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String findingsUrl() {
        return BrowserBehindProxy.BASE + "/realms/" + realm.getName() + "/zt-findings";
    }

    private String accessToken(String clientId, String username) throws Exception {
        HttpResponse<String> response = token("127.0.0.1", Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", username + "-Passw0rd!"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asText();
    }

    private JsonNode tokensFromBerlin(String username) throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            HtmlPage page = browser.login(realm.getName(), username, username + "-Passw0rd!");
            assertThat(BrowserBehindProxy.signedIn(page)).isTrue();
            String query = URI.create(page.getUrl().toString()).getRawQuery();
            Map<String, String> params = java.util.Arrays.stream(query.split("&")).map(p -> p.split("=", 2))
                    .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8), (a, b) -> a));
            HttpResponse<String> tokens = token(RiskFixtures.BERLIN, Map.of("grant_type", "authorization_code",
                    "client_id", "account-console", "code", params.get("code"), "code_verifier", BrowserBehindProxy.ACCOUNT_CONSOLE_PKCE_VERIFIER,
                    "redirect_uri", BrowserBehindProxy.BASE + "/realms/" + realm.getName() + "/account/"));
            assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
            return json.readTree(tokens.body());
        }
    }

    /** An offline token of the user's SSO session in a Berlin browser (scope offline_access). */
    private String offlineTokenFromBerlin(String username) throws Exception {
        // the realm's imported users have only the roles they list; offline tokens need offline_access
        realm.admin().users().get(LoginEvents.userId(realm, username)).roles().realmLevel()
                .add(List.of(realm.admin().roles().get("offline_access").toRepresentation()));
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            HtmlPage page = browser.authorize(realm.getName(), "account-console", "openid offline_access",
                    BrowserBehindProxy.ACCOUNT_CONSOLE_PKCE);
            page = BrowserBehindProxy.submitPassword(page, username, username + "-Passw0rd!");
            assertThat(BrowserBehindProxy.signedIn(page)).isTrue();
            HttpResponse<String> tokens = token(RiskFixtures.BERLIN, Map.of("grant_type", "authorization_code",
                    "client_id", "account-console", "code", BrowserBehindProxy.code(page),
                    "code_verifier", BrowserBehindProxy.ACCOUNT_CONSOLE_PKCE_VERIFIER,
                    "redirect_uri", BrowserBehindProxy.accountUrl(realm.getName())));
            assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
            return json.readTree(tokens.body()).path("refresh_token").asText();
        }
    }

    private HttpResponse<String> refresh(String refreshToken, String from) throws Exception {
        return token(from, Map.of("grant_type", "refresh_token", "client_id", "account-console", "refresh_token", refreshToken));
    }

    private HttpResponse<String> token(String from, Map<String, String> form) throws Exception {
        return OidcTokens.post(realm.getName(), form, from);
    }

}
