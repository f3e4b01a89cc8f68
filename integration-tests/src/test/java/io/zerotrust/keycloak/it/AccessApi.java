package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls {@code /realms/{realm}/zt-access} with a user's bearer token, as the account console page does. */
final class AccessApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** An answer: status and JSON body. */
    record Answer(int status, JsonNode body) {
        String error() {
            return body.path("error").asText(null);
        }
    }

    private final String base;
    private final String realm;

    AccessApi(String base, String realm) {
        this.base = base;
        this.realm = realm;
    }

    Answer get(String token, String path) throws IOException, InterruptedException {
        return send(request(token, path).GET());
    }

    Answer post(String token, String path, Object body) throws IOException, InterruptedException {
        return send(request(token, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** The eligible role of the caller for {@code role}; fails the test when there is none. */
    String eligibilityId(String token, String role) throws IOException, InterruptedException {
        Answer eligible = get(token, "eligible");
        for (JsonNode item : eligible.body()) {
            if (role.equals(item.path("role").asText())) {
                return item.path("id").asText();
            }
        }
        throw new AssertionError("not eligible for " + role + ": " + eligible.body());
    }

    private HttpRequest.Builder request(String token, String path) {
        return HttpRequest.newBuilder(URI.create(base + "/realms/" + realm + "/zt-access/" + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private static Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Answer(response.statusCode(), body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body));
    }
}
