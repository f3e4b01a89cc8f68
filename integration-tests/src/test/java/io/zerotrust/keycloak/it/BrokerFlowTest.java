package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Federated sign-ins: the realm zt-broker (zt-broker-realm.json) brokers to the realm zt-idp on the same server
 * (zt-idp-realm.json) over OpenID Connect, a real identity provider with signed tokens. Its first-broker-login flow
 * is Keycloak's with zt-risk-assessment once the account is created or linked and zt-deny at HIGH; its
 * post-broker-login flow, run after every federated sign-in, has zt-risk-assessment, zt-deny at HIGH and
 * zt-otp-form at MEDIUM (a user without OTP is refused there rather than offered enrolment). The browser asks
 * zt-broker to sign in with zt-idp (kc_idp_hint) and signs in there.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class BrokerFlowTest {

    private static final String IDP_ALIAS = "zt-idp";
    private static final String REFERENCE = "[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}";

    @InjectRealm(fromJson = "/zt-idp-realm.json", ref = "idp")
    ManagedRealm idp;

    @InjectRealm(fromJson = "/zt-broker-realm.json", ref = "broker")
    ManagedRealm broker;

    @Test
    void firstFederatedSignInFromBerlinIsAssessedAndSucceedsAndTheNextKnowsTheDevice() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            HtmlPage first = federatedLogin(browser, "gregor");

            assertThat(BrowserBehindProxy.signedIn(first)).as("signed in: %s", first.getUrl()).isTrue();
            assertThat(linkedAccount("gregor")).as("local account of gregor, linked to %s", IDP_ALIAS).isNotNull();
            Map<String, String> firstLogin = latest("IDENTITY_PROVIDER_FIRST_LOGIN", "gregor").getDetails();
            assertThat(firstLogin).containsEntry("zt_risk_level", "LOW").containsKey("zt_risk_score").containsKey("zt_device_id");
            assertThat(firstLogin.get("zt_risk_reasons")).contains("DEVICE_UNKNOWN");
            assertThat(LoginEvents.latest(broker, "gregor").getDetails()).containsEntry("identity_provider", IDP_ALIAS);

            // The same browser again: the account is linked, so only the post-broker-login flow assesses, and
            // the device the first sign-in taught is known
            HtmlPage second = federatedLogin(browser, "gregor");

            assertThat(BrowserBehindProxy.signedIn(second)).as("signed in again: %s", second.getUrl()).isTrue();
            Map<String, String> again = latest("IDENTITY_PROVIDER_POST_LOGIN", "gregor").getDetails();
            assertThat(again).containsEntry("zt_risk_level", "LOW");
            assertThat(again.get("zt_risk_reasons")).contains("DEVICE_KNOWN").doesNotContain("DEVICE_UNKNOWN");
        }
    }

    @Test
    void federatedSignInsFromATorExitAreRefusedOnTheFirstAndOnLaterSignIns() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN_TOR)) {
            // First sign-in ever, from Tor: refused by the first-broker-login flow
            String firstReference = denialReference(federatedLogin(browser, "fiona"));
            EventRepresentation firstDenial = latest("IDENTITY_PROVIDER_FIRST_LOGIN_ERROR", "fiona");
            assertThat(firstDenial.getError()).isEqualTo("access_denied");
            assertThat(firstDenial.getDetails()).containsEntry("zt_reference", firstReference).containsEntry("zt_risk_level", "HIGH");
            assertThat(firstDenial.getDetails().get("zt_risk_reasons")).contains("IP_TOR_EXIT");
            // ... leaving no half-made, unlinked account in the way of the next sign-in
            assertThat(broker.admin().users().search("fiona", true)).as("accounts named fiona").isEmpty();

            // From Berlin, the first sign-in creates and links the account
            HtmlPage home = federatedLogin(browser.from(RiskFixtures.BERLIN), "fiona");
            assertThat(BrowserBehindProxy.signedIn(home)).as("signed in from Berlin: %s", home.getUrl()).isTrue();
            assertThat(linkedAccount("fiona")).isNotNull();

            // From Tor again: refused by the post-broker-login flow; the account stays as it is
            String laterReference = denialReference(federatedLogin(browser.from(RiskFixtures.BERLIN_TOR), "fiona"));
            EventRepresentation laterDenial = latest("IDENTITY_PROVIDER_POST_LOGIN_ERROR", "fiona");
            assertThat(laterDenial.getError()).isEqualTo("access_denied");
            assertThat(laterDenial.getDetails()).containsEntry("zt_reference", laterReference).containsEntry("zt_risk_level", "HIGH");
            assertThat(linkedAccount("fiona")).isNotNull();
        }
    }

    @Test
    void federatedSignInFromANewCountryWithoutASecondFactorIsRefusedNotOfferedEnrolment() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(federatedLogin(browser, "hanna"))).as("first sign-in from Berlin").isTrue();

            HtmlPage abroad = federatedLogin(browser.from(RiskFixtures.VIENNA), "hanna");

            // hanna has no authenticator yet: at MEDIUM whoever signed in must not enrol one (zt-otp-form's enrolUpTo, LOW)
            assertThat(abroad.getElementById("totpSecret")).as("no OTP set-up page at %s", abroad.getUrl()).isNull();
            String reference = denialReference(abroad);
            EventRepresentation refusal = latest("IDENTITY_PROVIDER_POST_LOGIN_ERROR", "hanna");
            assertThat(refusal.getDetails()).containsEntry("zt_reference", reference).containsEntry("zt_risk_level", "MEDIUM")
                    .containsEntry("zt_enrolment", "refused");
            assertThat(refusal.getDetails().get("zt_risk_reasons")).contains("GEO_NEW_COUNTRY", "DEVICE_KNOWN");
        }
    }

    /**
     * Starts at zt-broker's account console with a hint to use zt-idp, signs in on zt-idp's own login page, and
     * returns the page the browser ends on (back at zt-broker). A fresh SSO session in both realms each time.
     */
    private HtmlPage federatedLogin(BrowserBehindProxy browser, String username) throws IOException {
        browser.endSession();
        HtmlPage idpForm = browser.authorize(broker.getName(), "account-console",
                BrowserBehindProxy.ACCOUNT_CONSOLE_PKCE + "&kc_idp_hint=" + IDP_ALIAS);
        assertThat(idpForm.getUrl().getPath()).as("sign-in page of the identity provider")
                .startsWith("/realms/" + idp.getName() + "/");
        return BrowserBehindProxy.submitPassword(idpForm, username, username + "-Passw0rd!");
    }

    /** The reference on zt-deny's page, which must say nothing internal. */
    private static String denialReference(HtmlPage page) {
        assertThat(BrowserBehindProxy.signedIn(page)).as("signed in: %s", page.getUrl()).isFalse();
        String text = page.asNormalizedText();
        assertThat(text).contains("Sign-in refused").doesNotContain("TOR").doesNotContain("Tor")
                .doesNotContain("score").doesNotContain("HIGH");
        String reference = page.getHtmlElementById("zt-reference").asNormalizedText();
        assertThat(reference).matches(REFERENCE);
        return reference;
    }

    /** The newest event of this type about this identity-provider user. */
    private EventRepresentation latest(String type, String idpUsername) {
        List<EventRepresentation> events = broker.admin().getEvents(List.of(type), null, null, null, null, null, 0, 100).stream()
                .filter(e -> e.getDetails() != null && idpUsername.equals(e.getDetails().get("identity_provider_identity")))
                .toList();
        assertThat(events).as("%s events of %s", type, idpUsername).isNotEmpty();
        return events.get(0);
    }

    /** The local account of this identity-provider user, if it exists and is linked to zt-idp; null otherwise. */
    private UserRepresentation linkedAccount(String username) {
        List<UserRepresentation> users = broker.admin().users().search(username, true);
        if (users.isEmpty()) {
            return null;
        }
        List<FederatedIdentityRepresentation> links = broker.admin().users().get(users.get(0).getId()).getFederatedIdentity();
        return links.stream().anyMatch(l -> IDP_ALIAS.equals(l.getIdentityProvider()) && username.equals(l.getUserName()))
                ? users.get(0) : null;
    }
}
