package io.zerotrust.keycloak.docker;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.util.JsonSerialization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment docker/compose.yaml describes, run by the machine's compose tool: Keycloak with the pack (the image
 * docker/Dockerfile builds) on PostgreSQL, started optimized. The pack's providers are in the server info, health and
 * metrics on the management port, a login through the pack's steps works, and what the pack keeps (the learned
 * profile, the trusted device) outlives a restart of the Keycloak container. Only the host ports and the
 * passwords are set here, through the variables the compose file offers for them.
 */
@EnabledIf(value = "composeAvailable", disabledReason = "Neither `docker compose` nor podman-compose works here"
        + " (.ci/run installs podman-compose where there is no Docker engine): the compose deployment runs only there")
class ComposeDeploymentTest {

    private static final String REALM = "zt-compose";
    private static final String CLIENT = "zt-app";
    private static final String REDIRECT = "http://localhost/callback";
    private static final Duration STARTUP = Duration.ofMinutes(4);

    private static ComposeProject compose;
    private static String base;
    private static String management;
    private static String adminPassword;

    private final OneTimeCodes codes = new OneTimeCodes("ztComposeOtpSecret1234");

    static boolean composeAvailable() {
        return ComposeProject.tool().isPresent();
    }

    @BeforeAll
    static void up() throws Exception {
        int httpPort = freePort();
        int managementPort = freePort();
        base = "http://localhost:" + httpPort;
        management = "http://localhost:" + managementPort;
        adminPassword = UUID.randomUUID().toString();
        compose = new ComposeProject(ComposeProject.tool().orElseThrow(), "zt-compose-test", Map.of(
                "KC_HTTP_PORT", Integer.toString(httpPort),
                "KC_MANAGEMENT_PORT", Integer.toString(managementPort),
                "KC_HOSTNAME", base,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword,
                "POSTGRES_PASSWORD", UUID.randomUUID().toString()));
        compose.build("keycloak");
        compose.startHealthy("postgres", STARTUP);
        compose.start("keycloak");
        awaitReady();
    }

    @AfterAll
    static void down() throws Exception {
        if (compose != null) {
            compose.close();
        }
    }

    @Test
    void theLearnedProfileAndTheTrustedDeviceOutliveARestart() throws Exception {
        try (Keycloak admin = admin()) {
            admin.realms().create(realmFromJson());
        }
        try (WebClient known = browser(); WebClient trusted = browser()) {
            Page first = signIn(known, "zt-trust-no");
            assertThat(signedIn(first)).as("signed in: %s", first.getUrl()).isTrue();
            assertThat(latestLogin()).containsEntry("zt_trusted_device", "declined");
            Page second = signIn(trusted, "zt-trust-yes");
            assertThat(signedIn(second)).as("signed in: %s", second.getUrl()).isTrue();
            assertThat(latestLogin()).containsEntry("zt_trusted_device", "trusted");

            compose.restart("keycloak");
            awaitReady();

            // Known from the profile learned before the restart (else a cold start: DEVICE_UNKNOWN)
            Page afterRestart = signIn(known, "zt-trust-no");
            assertThat(signedIn(afterRestart)).as("signed in: %s", afterRestart.getUrl()).isTrue();
            assertThat(riskReasons(afterRestart)).contains("DEVICE_KNOWN").doesNotContain("DEVICE_UNKNOWN");
            // Trusted from the credential and the realm key stored before the restart
            Page trustedAfterRestart = signIn(trusted, null);
            assertThat(signedIn(trustedAfterRestart)).as("signed in: %s", trustedAfterRestart.getUrl()).isTrue();
            assertThat(riskReasons(trustedAfterRestart)).contains("DEVICE_TRUSTED");
            assertThat(latestLogin()).containsEntry("zt_trusted_device", "already");
        }
    }

    @Test
    void theImageHoldsThePacksProviders() {
        try (Keycloak admin = admin()) {
            var providers = admin.serverInfo().getInfo().getProviders();
            assertThat(providers.get("authenticator").getProviders())
                    .containsKeys("zt-risk-assessment", "zt-otp-form", "zt-trusted-device", "zt-deny");
            assertThat(providers.get("eventsListener").getProviders()).containsKeys("zt-events", "zt-risk-learning");
            assertThat(providers.get("zt-risk-evaluator").getProviders()).containsKeys("geo", "device", "anomaly-mark");
        }
    }

    @Test
    void healthAndMetricsAreServedOnTheManagementPort() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(management + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\": \"UP\"");
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(management + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("zt_anomaly_scorer_seconds");
    }

    /**
     * Password, one-time code, then {@code trustChoice} on the trust offer (null: no offer expected); returns the
     * answer that ends the sign-in, not followed: the redirect to the application, which does not exist.
     */
    private Page signIn(WebClient browser, String trustChoice) throws IOException, InterruptedException {
        HtmlPage login = browser.getPage(base + "/realms/" + REALM + "/protocol/openid-connect/auth?response_type=code"
                + "&client_id=" + CLIENT + "&scope=openid&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8));
        HtmlForm form = login.getHtmlElementById("kc-form-login");
        form.getInputByName("username").type("alice");
        form.getInputByName("password").type("alice-Passw0rd!");
        HtmlPage otp = login.getHtmlElementById("kc-login").click();
        assertThat(otp.getElementById("otp")).as("one-time code page: %s", otp.asNormalizedText()).isNotNull();
        otp.getHtmlElementById("otp").type(codes.next());
        Page next = otp.getHtmlElementById("kc-login").click();
        if (trustChoice == null) {
            return next;
        }
        assertThat(next).as("trust offer").isInstanceOf(HtmlPage.class);
        HtmlPage offer = (HtmlPage) next;
        assertThat(offer.getElementById(trustChoice)).as("trust offer: %s", offer.asNormalizedText()).isNotNull();
        return offer.getHtmlElementById(trustChoice).click();
    }

    /**
     * The assessment's reasons as the application gets them: the user-session note mapped into the access token (the
     * stored LOGIN event, sent from the trust page's request, does not carry them).
     */
    private String riskReasons(Page signedIn) throws Exception {
        String location = signedIn.getWebResponse().getResponseHeaderValue("Location");
        String code = null;
        for (String pair : URI.create(location).getQuery().split("&")) {
            if (pair.startsWith("code=")) {
                code = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        String body = "grant_type=authorization_code&client_id=" + CLIENT + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8);
        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String accessToken = JsonSerialization.readValue(token.body(), Map.class).get("access_token").toString();
        byte[] payload = Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]);
        Object reasons = JsonSerialization.readValue(payload, Map.class).get("zt_risk_reasons");
        assertThat(reasons).as("zt_risk_reasons in the access token").isNotNull();
        return reasons.toString();
    }

    private static boolean signedIn(Page page) {
        String location = page.getWebResponse().getResponseHeaderValue("Location");
        return page.getWebResponse().getStatusCode() == 302 && location != null
                && location.startsWith(REDIRECT) && location.contains("code=");
    }

    private static WebClient browser() {
        WebClient browser = new WebClient();
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setJavaScriptEnabled(false);
        // The sign-in's steps answer with pages; only its end redirects, to the application
        browser.getOptions().setRedirectEnabled(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        return browser;
    }

    private static Map<String, String> latestLogin() {
        try (Keycloak admin = admin()) {
            RealmResource realm = admin.realm(REALM);
            List<EventRepresentation> logins = realm.getEvents(List.of("LOGIN"), CLIENT, null, null, null, null, 0, 1);
            assertThat(logins).as("LOGIN events").isNotEmpty();
            return logins.get(0).getDetails();
        }
    }

    private static Keycloak admin() {
        return Keycloak.getInstance(base, "master", "admin", adminPassword, "admin-cli");
    }

    private static RealmRepresentation realmFromJson() throws IOException {
        try (InputStream json = ComposeDeploymentTest.class.getResourceAsStream("/zt-compose-realm.json")) {
            return JsonSerialization.readValue(json, RealmRepresentation.class);
        }
    }

    /** Polls the management port's readiness until it is UP (the server migrates and starts in the meantime). */
    private static void awaitReady() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (true) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(management + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Keycloak not ready after " + STARTUP + "\n" + compose.logs("keycloak"));
            }
            Thread.sleep(1000);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
