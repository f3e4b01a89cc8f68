package io.zerotrust.keycloak.bench.login;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * One simulated browser of one user, signing in again and again with the authorization-code flow: GET the
 * authorization endpoint, POST the credentials to the login form's action, expect a redirect with a code.
 * Between logins it forgets every cookie but the pack's device cookie {@code ZT_DEVICE}, as a browser that was
 * closed would: so every login is a full password login, from a device the pack has seen before.
 */
final class BrowserSession {

    /** The only cookie kept from one login to the next. */
    static final String DEVICE_COOKIE = "ZT_DEVICE";

    /** Firefox on Linux: a real browser and OS family for the device evaluator. */
    static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http;
    private final URI realmUrl;
    private final String username;
    private final String password;
    private final String forwardedFor;
    private final CookieJar cookies = new CookieJar();

    /**
     * @param realmUrl     e.g. {@code http://127.0.0.1:8181/realms/zero-trust-demo/}
     * @param forwardedFor sent as {@code X-Forwarded-For} (the demo trusts it from 127.0.0.1), or null
     */
    BrowserSession(HttpClient http, URI realmUrl, String username, String password, String forwardedFor) {
        this.http = http;
        this.realmUrl = realmUrl;
        this.username = username;
        this.password = password;
        this.forwardedFor = forwardedFor;
    }

    /** A full login through {@code clientId}'s browser flow. Never throws for what the server answers. */
    Attempt login(String clientId, String redirectUri) throws InterruptedException {
        cookies.retainOnly(Set.of(DEVICE_COOKIE));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("response_type", "code");
        query.put("scope", "openid");
        query.put("state", random());
        query.put("nonce", random());
        URI authorize = realmUrl.resolve("protocol/openid-connect/auth?" + form(query));
        try {
            HttpResponse<String> page = send(request(authorize).GET());
            if (page.statusCode() != 200) {
                return new Attempt(LoginOutcome.HTTP_ERROR, "authorization endpoint answered " + page.statusCode());
            }
            Optional<String> action = LoginPages.loginFormAction(page.body());
            if (action.isEmpty()) {
                return new Attempt(LoginOutcome.NO_LOGIN_FORM, snippet(page.body()));
            }
            Map<String, String> credentials = new LinkedHashMap<>();
            credentials.put("username", username);
            credentials.put("password", password);
            credentials.put("credentialId", "");
            HttpResponse<String> result = send(request(authorize.resolve(action.get()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(credentials))));
            Optional<String> location = result.headers().firstValue("location");
            LoginOutcome outcome = LoginPages.outcome(result.statusCode(), location, result.body(), redirectUri);
            String detail = switch (outcome) {
                case SUCCESS -> "";
                case REDIRECT_WITHOUT_CODE -> location.map(l -> l.replaceAll("code=[^&#]*", "code=...")).orElse("no Location");
                case HTTP_ERROR -> "credentials POST answered " + result.statusCode();
                case DENIED -> "support reference " + LoginPages.denialReference(result.body()).orElse("(none shown)");
                default -> snippet(result.body());
            };
            return new Attempt(outcome, detail);
        } catch (IOException e) {
            return new Attempt(LoginOutcome.TRANSPORT_ERROR, e.toString());
        }
    }

    /** Whether this browser holds a device cookie (set by the adaptive flow's risk assessment). */
    boolean hasDeviceCookie() {
        return cookies.get(DEVICE_COOKIE) != null;
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Accept-Language", "en");
        String cookie = cookies.header();
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        cookies.store(response.headers());
        return response;
    }

    static String form(Map<String, String> fields) {
        StringJoiner joined = new StringJoiner("&");
        fields.forEach((k, v) -> joined.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    private static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The page's title, or its start, for a failure report. */
    private static String snippet(String html) {
        if (html == null) {
            return "";
        }
        int start = html.indexOf("<title>");
        int end = html.indexOf("</title>");
        if (start >= 0 && end > start) {
            return "page \"" + html.substring(start + 7, end).trim() + "\"";
        }
        String flat = html.replaceAll("\\s+", " ").trim();
        return flat.length() > 120 ? flat.substring(0, 120) + "..." : flat;
    }

    /** The outcome of one login, with a short detail for a failure. */
    record Attempt(LoginOutcome outcome, String detail) {
        boolean succeeded() {
            return outcome == LoginOutcome.SUCCESS;
        }
    }
}
