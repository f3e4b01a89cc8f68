package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;

/**
 * A real browser (HtmlUnit) whose requests reach Keycloak through the trusted proxy at 127.0.0.1 with a chosen
 * client address in X-Forwarded-For, as a load balancer in front of Keycloak would send them. Its cookies (the
 * device cookie among them) persist across logins, like one device's browser. The server trusts the header
 * from 127.0.0.1 only ({@link ZeroTrustServerConfig}).
 */
final class BrowserBehindProxy implements AutoCloseable {

    static final String BASE = "http://localhost:8080";
    /** PKCE is mandatory for the account console: RFC 7636's example pair, the verifier for redeeming a code. */
    static final String ACCOUNT_CONSOLE_PKCE = "code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
    static final String ACCOUNT_CONSOLE_PKCE_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private final WebClient client = new WebClient(BrowserVersion.FIREFOX);
    private String base = BASE;

    BrowserBehindProxy(String clientAddress) {
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setRedirectEnabled(true);
        from(clientAddress);
    }

    /**
     * A browser reaching the Keycloak at {@code base} (e.g. one node of a cluster) instead of the test server.
     */
    BrowserBehindProxy(String base, String clientAddress) {
        this(clientAddress);
        at(base);
    }

    /** Later requests go to the Keycloak at this base URL (same browser, same cookies), as a load balancer may send them. */
    BrowserBehindProxy at(String baseUrl) {
        this.base = baseUrl;
        return this;
    }

    /** Later requests come from this address (same browser, same cookies). */
    BrowserBehindProxy from(String clientAddress) {
        return header("X-Forwarded-For", clientAddress);
    }

    BrowserBehindProxy header(String name, String value) {
        if (value == null) {
            client.removeRequestHeader(name);
        } else {
            client.addRequestHeader(name, value);
        }
        return this;
    }

    /** Signs in to the realm's account console; returns the page the browser ends on. */
    HtmlPage login(String realm, String username, String password) throws IOException {
        return submitPassword(authorize(realm, "account-console", ACCOUNT_CONSOLE_PKCE), username, password);
    }

    /**
     * Starts an authorization-code request of a public client that redirects to the realm's account page, with
     * extra query parameters (e.g. {@code acr_values=mfa}); returns the first page: a form, or the redirect with a
     * code when an SSO session suffices.
     */
    HtmlPage authorize(String realm, String clientId, String extraQuery) throws IOException {
        return authorize(realm, clientId, "openid", extraQuery);
    }

    /** As {@link #authorize(String, String, String)}, asking for these scopes (e.g. {@code openid offline_access}). */
    HtmlPage authorize(String realm, String clientId, String scope, String extraQuery) throws IOException {
        return client.getPage(base + "/realms/" + realm + "/protocol/openid-connect/auth?client_id=" + clientId
                + "&response_type=code&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(accountUrl(base, realm), StandardCharsets.UTF_8)
                + (extraQuery == null || extraQuery.isEmpty() ? "" : "&" + extraQuery));
    }

    static String accountUrl(String realm) {
        return accountUrl(BASE, realm);
    }

    /** The realm's account page on the Keycloak at {@code base}, where the tests' public clients redirect. */
    static String accountUrl(String base, String realm) {
        return base + "/realms/" + realm + "/account/";
    }

    /**
     * What an attacker's script does with a username and password: opens the sign-in page and submits the password
     * form when the page offers one; returns the page the browser ends on.
     */
    HtmlPage tryLogin(String realm, String username, String password) throws IOException {
        HtmlPage first = authorize(realm, "account-console", ACCOUNT_CONSOLE_PKCE);
        return offersPasswordForm(first) ? submitPassword(first, username, password) : first;
    }

    static boolean offersPasswordForm(HtmlPage page) {
        return page.getElementById("password") != null;
    }

    /** Fills in and submits the username/password form. */
    static HtmlPage submitPassword(HtmlPage form, String username, String password) throws IOException {
        form.getHtmlElementById("username").type(username);
        form.getHtmlElementById("password").type(password);
        return form.getHtmlElementById("kc-login").click();
    }

    /** The authorization code the page's URL carries, or null. */
    static String code(HtmlPage page) {
        String query = URI.create(page.getUrl().toString()).getQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("code=")) {
                return java.net.URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The value of one of the browser's cookies, or null. */
    String cookie(String name) {
        org.htmlunit.util.Cookie cookie = client.getCookieManager().getCookie(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** Replaces a cookie's value, keeping its domain and path, as someone tampering with the browser would. */
    void tamperCookie(String name, java.util.function.UnaryOperator<String> change) {
        org.htmlunit.util.Cookie cookie = client.getCookieManager().getCookie(name);
        if (cookie == null) {
            throw new IllegalStateException("no cookie " + name);
        }
        client.getCookieManager().removeCookie(cookie);
        client.getCookieManager().addCookie(new org.htmlunit.util.Cookie(cookie.getDomain(), name, change.apply(cookie.getValue()),
                cookie.getPath(), cookie.getExpires(), cookie.isSecure(), cookie.isHttpOnly(), cookie.getSameSite()));
    }

    static boolean signedIn(HtmlPage page) {
        URI url = URI.create(page.getUrl().toString());
        return url.getPath().endsWith("/account/") && url.getQuery() != null && url.getQuery().contains("code=");
    }

    /** Forgets the SSO session but keeps the device cookie, like closing the browser without clearing cookies. */
    void endSession() {
        client.getCookieManager().getCookies().stream()
                .filter(c -> c.getName().startsWith("KEYCLOAK_") || c.getName().startsWith("AUTH_SESSION")
                        || c.getName().startsWith("KC_"))
                .forEach(c -> client.getCookieManager().removeCookie(c));
    }

    @Override
    public void close() {
        client.close();
    }
}
