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

    private final WebClient client = new WebClient(BrowserVersion.FIREFOX);

    BrowserBehindProxy(String clientAddress) {
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setRedirectEnabled(true);
        from(clientAddress);
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
        String redirect = BASE + "/realms/" + realm + "/account/";
        HtmlPage form = client.getPage(BASE + "/realms/" + realm + "/protocol/openid-connect/auth"
                + "?client_id=account-console&response_type=code&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                // PKCE is mandatory for the account console; the verifier is never used since we stop at the code
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
        form.getHtmlElementById("username").type(username);
        form.getHtmlElementById("password").type(password);
        return form.getHtmlElementById("kc-login").click();
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

    WebClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }
}
