package io.zerotrust.keycloak.it;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pack's steps in a direct-grant flow (zt-direct-grant-realm.json): zt-deny behind zt-condition-network before
 * the username (refusals by network alone), then username, password, zt-risk-assessment,
 * zt-deny behind zt-condition-risk-level at HIGH and zt-otp-form behind it at MEDIUM. A command-line client posts
 * the password grant to the token endpoint through the trusted proxy, from a chosen address; no page can be shown,
 * so a refusal and a needed second factor come back as OAuth errors.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class DirectGrantFlowTest {

    private static final String CLIENT = "zt-cli";

    @InjectRealm(fromJson = "/zt-direct-grant-realm.json", ref = "direct")
    ManagedRealm realm;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void fromBerlinTheGrantIssuesTokensAndTheLoginEventCarriesTheVerdict() throws Exception {
        HttpResponse<String> response = passwordGrant("dora", RiskFixtures.BERLIN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("access_token").asText()).isNotEmpty();
        Map<String, String> details = LoginEvents.latest(realm, "dora").getDetails();
        assertThat(details).containsEntry("grant_type", "password").containsEntry("zt_risk_level", "LOW")
                .containsKey("zt_risk_score");
    }

    @Test
    void fromANewCountryTheClientIsToldToSignInThroughTheBrowser() throws Exception {
        HttpResponse<String> home = passwordGrant("emil", RiskFixtures.BERLIN);
        assertThat(home.statusCode()).as("from Berlin: %s", home.body()).isEqualTo(200);

        HttpResponse<String> abroad = passwordGrant("emil", RiskFixtures.VIENNA);

        assertThat(abroad.statusCode()).as(abroad.body()).isEqualTo(400);
        assertThat(abroad.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(abroad.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
        JsonNode error = json.readTree(abroad.body());
        assertThat(error.path("error").asText()).isEqualTo("interaction_required");
        assertThat(error.path("error_description").asText()).contains("second factor").contains("browser");
        assertThat(error.has("access_token")).isFalse();
        assertThat(abroad.body()).doesNotContain("MEDIUM").doesNotContain("GEO_").doesNotContain("Austria");

        // The refusal to go on is an error event of emil's, with the assessment's verdict on it
        List<EventRepresentation> errors = realm.admin().getEvents(List.of("LOGIN_ERROR"), null,
                LoginEvents.userId(realm, "emil"), null, null, null, 0, 10);
        assertThat(errors).as("LOGIN_ERROR events of emil").anySatisfy(e -> {
            assertThat(e.getError()).isEqualTo("interaction_required");
            assertThat(e.getDetails()).containsEntry("zt_risk_level", "MEDIUM").containsEntry("grant_type", "password");
            assertThat(e.getDetails().get("zt_risk_reasons")).contains("GEO_NEW_COUNTRY");
        });
    }

    @Test
    void fromATorExitTheGrantIsRefusedWithAReferenceTheSocFindsInTheEvent() throws Exception {
        HttpResponse<String> response = passwordGrant("tom", RiskFixtures.BERLIN_TOR);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = json.readTree(response.body());
        assertThat(error.path("error").asText()).isEqualTo("access_denied");
        assertThat(error.has("access_token")).isFalse();
        String description = error.path("error_description").asText();
        assertThat(description).doesNotContain("Tor").doesNotContain("TOR").doesNotContain("HIGH").doesNotContain("score");
        Matcher reference = Pattern.compile("[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}").matcher(description);
        assertThat(reference.find()).as("reference in '%s'", description).isTrue();

        List<EventRepresentation> errors = realm.admin().getEvents(List.of("LOGIN_ERROR"), null, null, null, null, null, 0, 20);
        assertThat(errors).as("LOGIN_ERROR events: %s", errors.stream().map(e -> e.getError() + " " + e.getDetails()).toList())
                .anySatisfy(e -> {
            assertThat(e.getError()).isEqualTo("access_denied");
            // refused by zt-condition-network before the username was checked
            assertThat(e.getDetails()).containsEntry("zt_reference", reference.group()).doesNotContainKey("zt_password_verified");
            assertThat(e.getDetails().get("zt_risk_reasons")).contains("IP_TOR_EXIT");
        });
    }

    @Test
    void ztAdaptiveMfaAlsoAsksForTheBrowserWhenItWouldChallenge() throws Exception {
        // The client zt-cli-mfa's direct grant runs the flow with zt-adaptive-mfa instead of the conditional sub-flows
        String flowId = realm.admin().flows().getFlows().stream()
                .filter(f -> "zt-direct-grant adaptive".equals(f.getAlias())).findFirst().orElseThrow().getId();
        org.keycloak.representations.idm.ClientRepresentation client = realm.admin().clients().findByClientId("zt-cli-mfa").get(0);
        client.setAuthenticationFlowBindingOverrides(Map.of("direct_grant", flowId));
        realm.admin().clients().get(client.getId()).update(client);

        HttpResponse<String> home = passwordGrant("zt-cli-mfa", "fritz", RiskFixtures.BERLIN);
        assertThat(home.statusCode()).as("no factor at LOW: %s", home.body()).isEqualTo(200);

        HttpResponse<String> abroad = passwordGrant("zt-cli-mfa", "fritz", RiskFixtures.VIENNA);
        assertThat(abroad.statusCode()).as(abroad.body()).isEqualTo(400);
        assertThat(json.readTree(abroad.body()).path("error").asText()).isEqualTo("interaction_required");
        List<EventRepresentation> errors = realm.admin().getEvents(List.of("LOGIN_ERROR"), null,
                LoginEvents.userId(realm, "fritz"), null, null, null, 0, 10);
        assertThat(errors).anySatisfy(e -> assertThat(e.getDetails()).containsEntry("zt_mfa", "otp").containsEntry("zt_risk_level", "MEDIUM"));
    }

    private HttpResponse<String> passwordGrant(String username, String from) throws Exception {
        return passwordGrant(CLIENT, username, from);
    }

    /** The resource-owner password grant as a command-line client sends it, arriving through the trusted proxy. */
    private HttpResponse<String> passwordGrant(String clientId, String username, String from) throws Exception {
        return OidcTokens.post(realm.getName(), Map.of("grant_type", "password", "client_id", clientId, "scope", "openid",
                "username", username, "password", username + "-Passw0rd!"), from);
    }
}
