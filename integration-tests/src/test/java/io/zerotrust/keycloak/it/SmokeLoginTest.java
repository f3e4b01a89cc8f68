package io.zerotrust.keycloak.it;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.info.ProviderRepresentation;
import org.keycloak.representations.info.SpiInfoRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider jar deploys into a real server, and a browser login runs through a flow that contains our step. */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class SmokeLoginTest {

    static final String USER = "alice";
    static final String PASSWORD = "alice-Passw0rd!";
    static final String FLOW = "zt-browser";

    @InjectAdminClient
    Keycloak admin;

    @InjectRealm(config = SmokeRealm.class)
    ManagedRealm realm;

    @InjectOAuthClient
    OAuthClient oauth;

    @Test
    void providersAreListedInServerInfo() {
        Map<String, SpiInfoRepresentation> providers = admin.serverInfo().getInfo().getProviders();

        Map<String, ProviderRepresentation> authenticators = providers.get("authenticator").getProviders();
        assertThat(authenticators).containsKey("zt-risk-assessment");
        assertThat(admin.serverInfo().getInfo().getThemes().get("login"))
                .anySatisfy(theme -> assertThat(theme.getName()).isEqualTo("zero-trust"));
    }

    @Test
    void thePacksConditionsAreOfferedAsConditions() {
        // The admin console's "Add condition" lists an authenticator provider whose display name starts "Condition "
        List<String> conditions = List.of("zt-condition-risk-level", "zt-condition-location", "zt-condition-time-window",
                "zt-condition-device-posture", "zt-condition-network");
        List<Map<String, Object>> offered = realm.admin().flows().getAuthenticatorProviders();
        assertThat(offered).filteredOn(p -> conditions.contains(p.get("id"))).hasSize(conditions.size())
                .allSatisfy(p -> assertThat((String) p.get("displayName")).startsWith("Condition "));
    }

    @Test
    void theAssessmentOffersTheInstalledEvaluatorsAsChoices() {
        var description = realm.admin().flows().getAuthenticatorConfigDescription("zt-risk-assessment");
        assertThat(description.getProperties()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("enabledEvaluators");
            assertThat(p.getType()).isEqualTo("MultivaluedList");
            assertThat(p.getOptions()).contains("geo", "impossible-travel", "device", "device-posture", "time",
                    "login-failures", "ip-reputation", "anomaly-mark", "address-block");
        });
        assertThat(description.getProperties()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("weights");
            assertThat(p.getHelpText()).contains("Installed evaluators: ").contains("impossible-travel");
        });
    }

    @Test
    void userLogsInThroughBrowserFlowWithRiskAssessment() {
        var flows = realm.admin().flows();
        flows.copy("browser", Map.of("newName", FLOW));
        flows.addExecution(FLOW + " forms", Map.of("provider", "zt-risk-assessment"));
        AuthenticationExecutionInfoRepresentation step = flows.getExecutions(FLOW).stream()
                .filter(e -> "zt-risk-assessment".equals(e.getProviderId()))
                .findFirst().orElseThrow();
        step.setRequirement("REQUIRED");
        flows.updateExecutions(FLOW, step);
        realm.updateWithCleanup(r -> r.browserFlow(FLOW));

        oauth.openLoginForm();
        oauth.fillLoginForm(USER, PASSWORD);
        AuthorizationEndpointResponse response = oauth.parseLoginResponse();
        assertThat(response.getError()).isNull();
        AccessTokenResponse tokens = oauth.doAccessTokenRequest(response.getCode());

        assertThat(tokens.getStatusCode()).isEqualTo(200);
        assertThat(oauth.verifyToken(tokens.getAccessToken()).getPreferredUsername()).isEqualTo(USER);

        // The step really ran: its verdict is in the stored LOGIN event
        List<EventRepresentation> logins = realm.admin().getEvents(List.of("LOGIN"), null, null, null, null, null, 0, 10);
        assertThat(logins).hasSize(1);
        assertThat(logins.get(0).getDetails())
                .containsEntry("zt_risk_level", "LOW")
                .containsKey("zt_risk_score");
    }

    static class SmokeRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.eventsEnabled(true)
                    .users(UserBuilder.create(USER).password(PASSWORD).name("Alice", "Zero")
                            .email("alice@example.org").emailVerified(true));
        }
    }

}
