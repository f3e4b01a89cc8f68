package io.zerotrust.keycloak.it;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The realm the README's demo imports: its users log in with the documented passwords through its Zero Trust flow. */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class DemoRealmTest {

    @InjectRealm(fromJson = "/zero-trust-demo-realm.json")
    ManagedRealm realm;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectWebDriver
    ManagedWebDriver browser;

    @BeforeEach
    void startSignedOut() {
        // The browser is shared by the class: drop the SSO cookies a previous test left, from a page under their path
        browser.open(oauth.getEndpoints().getIssuer() + "/.well-known/openid-configuration");
        browser.cookies().deleteAll();
    }

    @Test
    void demoUserLogsInWithDocumentedPassword() {
        oauth.openLoginForm();
        assertThat(browser.driver().getPageSource()).contains("zero-trust.css");
        oauth.fillLoginForm("alice", "Alice-Demo-1");
        AuthorizationEndpointResponse response = oauth.parseLoginResponse();
        assertThat(response.getError()).isNull();
        AccessTokenResponse tokens = oauth.doAccessTokenRequest(response.getCode());
        assertThat(tokens.getStatusCode()).isEqualTo(200);
        assertThat(oauth.verifyToken(tokens.getAccessToken()).getPreferredUsername()).isEqualTo("alice");

        List<EventRepresentation> logins = realm.admin().getEvents(List.of("LOGIN"), null, null, null, null, null, 0, 10);
        assertThat(logins).singleElement()
                .satisfies(e -> assertThat(e.getDetails()).containsEntry("zt_risk_level", "LOW"));
    }

    @Test
    void wrongPasswordIsRefused() {
        oauth.openLoginForm();
        oauth.fillLoginForm("bob", "not-bobs-password");
        assertThat(browser.driver().getPageSource()).contains("Invalid username or password");
    }
}
