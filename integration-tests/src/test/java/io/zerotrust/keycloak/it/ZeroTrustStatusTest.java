package io.zerotrust.keycloak.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm admin's view of the pack, {@code /admin/realms/{realm}/zero-trust}: GeoIP databases, evaluators, the
 * event pipeline and recent findings; and the last days' sign-ins by risk level, prompts and refusals, counted from
 * the realm's stored events, as JSON and as a chart.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class ZeroTrustStatusTest {

    private static final String OTP_SECRET = "ztAdaptiveOtpSecret1234";
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectAdminClient
    Keycloak admin;

    @InjectRealm(fromJson = "/zt-adaptive-realm.json", ref = "status")
    ManagedRealm realm;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void statusShowsThePacksStateAndTheDaysSignInsByRisk() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            // Today: two ordinary sign-ins, one asked for a code (another country), one refused (a Tor exit)
            assertThat(BrowserBehindProxy.signedIn(browser.login(realm.getName(), "pavel", "pavel-Passw0rd!"))).isTrue();
            browser.endSession();
            assertThat(BrowserBehindProxy.signedIn(browser.login(realm.getName(), "pavel", "pavel-Passw0rd!"))).isTrue();
            browser.endSession();
            HtmlPage code = browser.from(RiskFixtures.VIENNA).login(realm.getName(), "pavel", "pavel-Passw0rd!");
            assertThat(BrowserBehindProxy.signedIn(OneTimeCodes.submit(code, "pavel", OTP_SECRET))).isTrue();
            browser.endSession();
            HtmlPage refused = browser.from(RiskFixtures.BERLIN_TOR).tryLogin(realm.getName(), "pavel", "pavel-Passw0rd!");
            assertThat(refused.getElementById("zt-reference")).isNotNull();
        }

        HttpResponse<String> status = get("/status", "application/json");
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        JsonNode state = JSON.readTree(status.body());
        assertThat(state.path("realm").asText()).isEqualTo(realm.getName());
        assertThat(state.path("geoip").path("maxmind").toString()).contains(ZeroTrustServerConfig.CITY_IN_USE.getFileName().toString());
        assertThat(state.path("evaluators").findValuesAsText("id")).contains("geo", "impossible-travel", "device", "login-failures");
        assertThat(state.path("evaluators").get(0).path("runsInRealm").asBoolean()).isTrue();
        // Effective settings with their source: the test server sets ip-reputation's Tor list, the rest is default
        JsonNode reputation = evaluator(state, "ip-reputation").path("settings");
        assertThat(reputation.path("tor-exit-list-file").path("source").asText()).isEqualTo("server");
        assertThat(reputation.path("tor-exit-list-file").path("value").asText()).isEqualTo(RiskFixtures.TOR_EXITS.toString());
        assertThat(evaluator(state, "impossible-travel").path("settings").path("max-speed-kmh").toString())
                .contains("\"source\":\"default\"");

        // The same server-wide settings are in the admin console's provider info (master realm, Provider info)
        assertThat(admin.serverInfo().getInfo().getProviders().get("zt-risk-evaluator").getProviders().get("ip-reputation")
                .getOperationalInfo()).containsEntry("tor-exit-list-file", RiskFixtures.TOR_EXITS + " (server)");
        assertThat(state.path("events").path("listenerEnabledInRealm").asBoolean()).isTrue();
        assertThat(state.path("events").path("pipeline").has("webhook-backlog")).as(state.path("events").toString()).isTrue();
        assertThat(state.path("findings").isArray()).isTrue();

        HttpResponse<String> days = get("/sign-ins?days=3", "application/json");
        assertThat(days.statusCode()).as(days.body()).isEqualTo(200);
        JsonNode list = JSON.readTree(days.body());
        assertThat(list).hasSize(3);
        JsonNode today = list.get(2);
        assertThat(today.path("date").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(today.path("low").asInt()).as(today.toString()).isGreaterThanOrEqualTo(2);
        assertThat(today.path("medium").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(today.path("prompted").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(today.path("refused").asInt()).isGreaterThanOrEqualTo(1);

        HttpResponse<String> chart = get("/sign-ins.svg?days=7", "image/svg+xml");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(chart.body()).startsWith("<svg").contains(today.path("date").asText() + ": " + today.path("signIns").asInt() + " sign-ins");
        Screenshots.take("<html><body style=\"margin:16px\">" + chart.body() + "</body></html>", "admin-sign-ins-chart");
    }

    @Test
    void withoutAnAdminTokenNothingIsShown() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/status")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> chart = http.send(HttpRequest.newBuilder(uri("/sign-ins.svg")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chart.statusCode()).isEqualTo(401);
    }

    private static JsonNode evaluator(JsonNode state, String id) {
        for (JsonNode evaluator : state.path("evaluators")) {
            if (id.equals(evaluator.path("id").asText())) {
                return evaluator;
            }
        }
        throw new AssertionError("no evaluator " + id + " in " + state.path("evaluators"));
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept)
                .header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(BrowserBehindProxy.BASE + "/admin/realms/" + realm.getName() + "/zero-trust" + path);
    }
}
