package io.zerotrust.keycloak.docker;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import org.htmlunit.WebClient;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image that docker/Dockerfile builds, started optimized: the pack's providers in the server info, health and
 * metrics on the management port, and the smoke login of the integration tests through the pack's risk step.
 * Needs a Docker engine, or podman's Docker API named by DOCKER_HOST (.ci/run provides one); skipped, saying so,
 * where neither is reachable.
 */
@EnabledIf(value = "dockerAvailable", disabledReason = "No Docker engine reachable (nor podman's Docker API via"
        + " DOCKER_HOST, which .ci/run sets up): the image tests run only where containers run")
class DockerImageSmokeTest {

    private static final String REALM = "zt-docker";
    private static final String CLIENT = "smoke";
    private static final String REDIRECT = "http://localhost/callback";

    private static KeycloakContainer keycloak;

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @BeforeAll
    static void startImage() {
        String image = new ImageFromDockerfile("zt-keycloak-smoke", true)
                .withFileFromPath(".", Path.of(System.getProperty("user.dir")))
                .withBuildArg("KC_DB", "dev-file")
                .get();
        keycloak = new KeycloakContainer(image).withProductionMode().withOptimizedFlag().withEnabledMetrics()
                // Plain HTTP, as docker/compose.yaml runs it, on whatever host port the engine maps
                .withEnv("KC_HTTP_ENABLED", "true").withEnv("KC_HOSTNAME_STRICT", "false")
                // Testcontainers logs nowhere here (no SLF4J binding): the server's log goes to the test's output
                .withLogConsumer(frame -> System.out.print(frame.getUtf8String()));
        keycloak.start();
    }

    @AfterAll
    static void stopImage() {
        if (keycloak != null) {
            keycloak.stop();
        }
    }

    @Test
    void healthAndMetricsAreServedOnTheManagementPort() throws Exception {
        HttpResponse<String> ready = get(keycloak.getMgmtServerUrl() + "/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\": \"UP\"");
        HttpResponse<String> metrics = get(keycloak.getMgmtServerUrl() + "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void theImageHoldsThePacksProviders() {
        try (Keycloak admin = keycloak.getKeycloakAdminClient()) {
            var providers = admin.serverInfo().getInfo().getProviders();
            assertThat(providers.get("authenticator").getProviders())
                    .containsKeys("zt-risk-assessment", "zt-otp-form", "zt-trusted-device", "zt-deny");
            assertThat(providers.get("eventsListener").getProviders()).containsKeys("zt-events", "zt-risk-learning");
            assertThat(providers.get("zt-risk-evaluator").getProviders()).containsKeys("geo", "device", "anomaly-mark");
        }
    }

    @Test
    void userLogsInThroughFlowWithRiskAssessment() throws Exception {
        try (Keycloak admin = keycloak.getKeycloakAdminClient()) {
            createRealm(admin);
        }

        String code = browserLogin();
        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak.getAuthServerUrl() + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "client_id", CLIENT, "code", code, "redirect_uri", REDIRECT))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.body()).contains("\"access_token\"");
    }

    private static void createRealm(Keycloak admin) {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(REALM);
        realm.setEnabled(true);
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(CLIENT);
        client.setPublicClient(true);
        client.setRedirectUris(List.of(REDIRECT));
        realm.setClients(List.of(client));
        UserRepresentation user = new UserRepresentation();
        user.setUsername("alice");
        user.setEnabled(true);
        user.setEmail("alice@example.org");
        user.setEmailVerified(true);
        user.setFirstName("Alice");
        user.setLastName("Zero");
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("alice-Passw0rd!");
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        realm.setUsers(List.of(user));
        admin.realms().create(realm);

        var flows = admin.realm(REALM).flows();
        flows.copy("browser", Map.of("newName", "zt-browser"));
        flows.addExecution("zt-browser forms", Map.of("provider", "zt-risk-assessment"));
        AuthenticationExecutionInfoRepresentation step = flows.getExecutions("zt-browser").stream()
                .filter(e -> "zt-risk-assessment".equals(e.getProviderId())).findFirst().orElseThrow();
        step.setRequirement("REQUIRED");
        flows.updateExecutions("zt-browser", step);
        RealmRepresentation update = admin.realm(REALM).toRepresentation();
        update.setBrowserFlow("zt-browser");
        admin.realm(REALM).update(update);
    }

    private static String browserLogin() throws Exception {
        try (WebClient browser = new WebClient()) {
            browser.getOptions().setCssEnabled(false);
            browser.getOptions().setJavaScriptEnabled(false);
            HtmlPage login = browser.getPage(keycloak.getAuthServerUrl() + "/realms/" + REALM
                    + "/protocol/openid-connect/auth?response_type=code&client_id=" + CLIENT
                    + "&scope=openid&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8));
            HtmlForm form = login.getHtmlElementById("kc-form-login");
            form.getInputByName("username").type("alice");
            form.getInputByName("password").type("alice-Passw0rd!");
            browser.getOptions().setRedirectEnabled(false);
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            WebResponse response = login.getHtmlElementById("kc-login").click().getWebResponse();
            String location = response.getResponseHeaderValue("Location");
            assertThat(location).as("redirect after login").startsWith(REDIRECT).contains("code=");
            String query = URI.create(location).getQuery();
            for (String pair : query.split("&")) {
                if (pair.startsWith("code=")) {
                    return java.net.URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
                }
            }
            throw new AssertionError("no code in " + location);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> values) {
        StringBuilder body = new StringBuilder();
        values.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
