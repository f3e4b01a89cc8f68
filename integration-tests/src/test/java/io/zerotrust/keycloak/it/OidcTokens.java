package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Redeems an authorization code of a public client at the real token endpoint and reads the tokens' claims. */
final class OidcTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private OidcTokens() {
    }

    /** The token response as JSON; fails the test with the server's answer when the code is not redeemed. */
    static JsonNode redeem(String realm, String clientId, String code) throws IOException, InterruptedException {
        return redeem(realm, clientId, code, null);
    }

    /** The same, the request arriving through the trusted proxy from {@code from} (null: straight from this machine). */
    static JsonNode redeem(String realm, String clientId, String code, String from) throws IOException, InterruptedException {
        String form = "grant_type=authorization_code&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(BrowserBehindProxy.accountUrl(realm), StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(BrowserBehindProxy.BASE + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (from != null) {
            request.header("X-Forwarded-For", from);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
