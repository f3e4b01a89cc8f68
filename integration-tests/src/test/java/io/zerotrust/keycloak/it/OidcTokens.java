package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to the real token endpoint as clients do: any grant posted as a form, through the trusted proxy from a chosen
 * address; redeems an authorization code of a public client and reads the tokens' claims.
 */
final class OidcTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private OidcTokens() {
    }

    /**
     * Posts {@code form} to the realm's token endpoint, arriving through the trusted proxy from {@code from} (null:
     * straight from this machine), with extra request headers as name-value pairs (e.g. a Cookie).
     */
    static HttpResponse<String> post(String realm, Map<String, String> form, String from, String... headers)
            throws IOException, InterruptedException {
        return postTo(BrowserBehindProxy.BASE, realm, form, from, headers);
    }

    /** As {@link #post}, to the Keycloak at {@code base} (e.g. one node of a cluster). */
    static HttpResponse<String> postTo(String base, String realm, Map<String, String> form, String from, String... headers)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (from != null) {
            request.header("X-Forwarded-For", from);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The token response as JSON; fails the test with the server's answer when the code is not redeemed. */
    static JsonNode redeem(String realm, String clientId, String code) throws IOException, InterruptedException {
        return redeem(realm, clientId, code, null);
    }

    /** The same, the request arriving through the trusted proxy from {@code from} (null: straight from this machine). */
    static JsonNode redeem(String realm, String clientId, String code, String from) throws IOException, InterruptedException {
        return redeemAt(BrowserBehindProxy.BASE, realm, clientId, code, from);
    }

    /** As {@link #redeem(String, String, String, String)}, at the Keycloak at {@code base}. */
    static JsonNode redeemAt(String base, String realm, String clientId, String code, String from)
            throws IOException, InterruptedException {
        HttpResponse<String> response = postTo(base, realm, Map.of("grant_type", "authorization_code", "client_id", clientId,
                "code", code, "redirect_uri", BrowserBehindProxy.accountUrl(base, realm)), from);
        if (response.statusCode() != 200) {
            throw new AssertionError("token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The payload of a JWT (the signature is the server's business; these tests only read what it issued). */
    static JsonNode claims(String jwt) throws IOException {
        String[] parts = jwt.split("\\.");
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    /** The acr claim of the ID token the code redeems for. */
    static String acr(String realm, String clientId, String code) throws IOException, InterruptedException {
        return claims(redeem(realm, clientId, code).get("id_token").asText()).path("acr").asText(null);
    }
}
