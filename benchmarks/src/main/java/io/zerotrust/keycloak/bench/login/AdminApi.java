package io.zerotrust.keycloak.bench.login;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prepares the server through Keycloak's admin REST API (as a master-realm admin, client {@code admin-cli}):
 * two otherwise identical public clients, one on the realm's browser flow and one bound to the built-in
 * {@code browser} flow, and one user per worker; or a realm of its own on Keycloak's defaults, for a comparison across
 * servers. Idempotent, so it may run against a server used before.
 */
final class AdminApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI baseUrl;
    private final String username;
    private final String password;
    private String token;
    private long tokenAt;

    AdminApi(HttpClient http, URI baseUrl, String username, String password) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
    }

    /** What the load runs against, once prepared. */
    record Setup(Target adaptive, Target stock, List<String> usernames) {
    }

    /** A client and the browser flow it runs. */
    record Target(String label, String clientId, String flowAlias, String flowNote) {
    }

    /** A realm on Keycloak's defaults, once prepared: its client on the built-in browser flow and its users. */
    record StockRealm(Target client, List<String> usernames) {
    }

    /**
     * A realm with Keycloak's defaults (so its browser flow is the built-in {@code browser}), user events stored and
     * sent to {@code eventListeners}, a public client on that flow labelled {@code label}, and one user per worker.
     */
    /** @param passwordPolicy the realm's password policy, e.g. its hashing; empty for Keycloak's default */
    StockRealm prepareStockRealm(String realm, List<String> eventListeners, String label, int users, String userPrefix,
                                 String userPassword, String redirectUri, String passwordPolicy)
            throws IOException, InterruptedException {
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("realm", realm);
        if (!passwordPolicy.isEmpty()) {
            rep.put("passwordPolicy", passwordPolicy);
        }
        rep.put("enabled", true);
        rep.put("eventsEnabled", true);
        rep.put("eventsListeners", eventListeners);
        // As in the demo realm: plain HTTP, and X-Forwarded-For makes every browser an external address
        rep.put("sslRequired", "none");
        String realmPath = "/admin/realms/" + enc(realm);
        HttpResponse<String> existing = send("GET", realmPath, null);
        if (existing.statusCode() == 404) {
            expect(send("POST", "/admin/realms", rep), 201, "create realm " + realm);
        } else {
            expect(existing, 200, "GET " + realmPath);
            expect(send("PUT", realmPath, rep), 204, "update realm " + realm);
        }
        JsonNode saved = get(realmPath);
        List<String> listeners = new ArrayList<>(); // in Keycloak's order, not ours
        saved.path("eventsListeners").forEach(listener -> listeners.add(listener.asText()));
        if (!saved.path("eventsEnabled").asBoolean() || !Set.copyOf(listeners).equals(Set.copyOf(eventListeners))) {
            throw new IllegalStateException("realm " + realm + " stores events " + saved.path("eventsEnabled")
                    + " with listeners " + listeners + ", expected true with " + eventListeners);
        }
        if (!saved.path("browserFlow").asText().equals("browser")) {
            throw new IllegalStateException("realm " + realm + " has browser flow '" + saved.path("browserFlow").asText()
                    + "', expected Keycloak's built-in 'browser'");
        }
        Target client = new Target(label, "zt-load-stock", "browser", "Keycloak's built-in flow, the realm's default");
        ensureClient(realmPath, client.clientId(), "", redirectUri);
        return new StockRealm(client, ensureUsers(realmPath, users, userPrefix, userPassword));
    }

    /** The ids of the server's event listener providers, e.g. {@code jboss-logging}. */
    List<String> eventListenerIds() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        get("/admin/serverinfo").path("providers").path("eventsListener").path("providers").fieldNames()
                .forEachRemaining(ids::add);
        return ids;
    }

    Setup prepare(String realm, int users, String userPrefix, String userPassword, String redirectUri)
            throws IOException, InterruptedException {
        String realmPath = "/admin/realms/" + enc(realm);
        JsonNode realmRep = get(realmPath);
        String realmBrowserFlow = realmRep.path("browserFlow").asText();
        Map<String, String> flowIds = new LinkedHashMap<>();
        Map<String, Boolean> builtIn = new LinkedHashMap<>();
        for (JsonNode flow : get(realmPath + "/authentication/flows")) {
            flowIds.put(flow.path("alias").asText(), flow.path("id").asText());
            builtIn.put(flow.path("alias").asText(), flow.path("builtIn").asBoolean());
        }
        String stockId = flowIds.get("browser");
        if (stockId == null || !builtIn.get("browser")) {
            throw new IllegalStateException("realm " + realm + " has no built-in flow 'browser'");
        }
        if (realmBrowserFlow.equals("browser")) {
            throw new IllegalStateException("realm " + realm + " uses the stock browser flow: there is nothing to compare");
        }
        Target adaptive = new Target("adaptive", "zt-load-adaptive", realmBrowserFlow, "the realm's browser flow");
        Target stock = new Target("stock", "zt-load-stock", "browser", "Keycloak's built-in flow, as a client override");
        ensureClient(realmPath, adaptive.clientId(), "", redirectUri);
        ensureClient(realmPath, stock.clientId(), stockId, redirectUri);
        return new Setup(adaptive, stock, ensureUsers(realmPath, users, userPrefix, userPassword));
    }

    private List<String> ensureUsers(String realmPath, int users, String userPrefix, String userPassword)
            throws IOException, InterruptedException {
        List<String> usernames = new ArrayList<>();
        for (int i = 1; i <= users; i++) {
            String name = userPrefix + i;
            ensureUser(realmPath, name, userPassword, i);
            usernames.add(name);
        }
        return usernames;
    }

    /** A public client for the code flow; {@code browserFlowId} empty means the realm's own browser flow. */
    private void ensureClient(String realmPath, String clientId, String browserFlowId, String redirectUri)
            throws IOException, InterruptedException {
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("clientId", clientId);
        rep.put("name", "Login load (" + clientId + ")");
        rep.put("description", "Created by a load script in benchmarks/");
        rep.put("enabled", true);
        rep.put("protocol", "openid-connect");
        rep.put("publicClient", true);
        rep.put("standardFlowEnabled", true);
        rep.put("implicitFlowEnabled", false);
        rep.put("directAccessGrantsEnabled", false);
        rep.put("serviceAccountsEnabled", false);
        rep.put("redirectUris", List.of(redirectUri));
        // An empty value removes an override an earlier run may have left
        rep.put("authenticationFlowBindingOverrides", Map.of("browser", browserFlowId));
        JsonNode existing = get(realmPath + "/clients?clientId=" + enc(clientId));
        if (existing.isEmpty()) {
            expect(send("POST", realmPath + "/clients", rep), 201, "create client " + clientId);
        } else {
            String id = existing.get(0).path("id").asText();
            expect(send("PUT", realmPath + "/clients/" + id, rep), 204, "update client " + clientId);
        }
        JsonNode saved = get(realmPath + "/clients?clientId=" + enc(clientId)).get(0);
        String override = saved.path("authenticationFlowBindingOverrides").path("browser").asText("");
        if (!override.equals(browserFlowId)) {
            throw new IllegalStateException("client " + clientId + " has browser flow override '" + override
                    + "', expected '" + browserFlowId + "'");
        }
    }

    /** An enabled user with a complete profile (so no required action interrupts the login) and this password. */
    private void ensureUser(String realmPath, String username, String userPassword, int number)
            throws IOException, InterruptedException {
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("username", username);
        rep.put("enabled", true);
        rep.put("email", username + "@example.org");
        rep.put("emailVerified", true);
        rep.put("firstName", "Load");
        rep.put("lastName", "User " + number);
        rep.put("requiredActions", List.of());
        Map<String, Object> credential = Map.of("type", "password", "value", userPassword, "temporary", false);
        JsonNode existing = get(realmPath + "/users?exact=true&username=" + enc(username));
        if (existing.isEmpty()) {
            rep.put("credentials", List.of(credential));
            expect(send("POST", realmPath + "/users", rep), 201, "create user " + username);
        } else {
            String id = existing.get(0).path("id").asText();
            expect(send("PUT", realmPath + "/users/" + id, rep), 204, "update user " + username);
            expect(send("PUT", realmPath + "/users/" + id + "/reset-password", credential), 204,
                    "set the password of " + username);
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", path, null);
        expect(response, 200, "GET " + path);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A master-realm admin token, renewed well before the default one-minute lifetime ends. */
    private String token() throws IOException, InterruptedException {
        if (token != null && System.nanoTime() - tokenAt < Duration.ofSeconds(30).toNanos()) {
            return token;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "admin-cli");
        form.put("username", username);
        form.put("password", password);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        baseUrl.resolve("/realms/master/protocol/openid-connect/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(BrowserSession.form(form)))
                .build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "sign in to the master realm as " + username);
        token = JSON.readTree(response.body()).path("access_token").asText();
        tokenAt = System.nanoTime();
        return token;
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            String body = response.body() == null ? "" : response.body();
            throw new IllegalStateException("Could not " + what + ": HTTP " + response.statusCode() + " "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
