package io.zerotrust.keycloak.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.support.pagefactory.ByChained;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pack as its people meet it, in real headless Chromium through Keycloak's own JavaScript consoles: a realm
 * admin builds an adaptive browser flow in the admin console (a copy of "browser" with the network-checked password
 * form, the risk assessment, a refusal at HIGH and a code with the trust offer at MEDIUM and above, each step's
 * settings saved through its gear dialog) and binds it; the user then signs in through it, is asked for a code
 * from a new country and told why, trusts the browser, is not asked from the next new country, removes the trust
 * in the account console and is asked again, and is refused from a place they cannot have reached; the admin finds
 * the refusal under Events. Each step leaves target/screenshots/journey-NN-name.png.
 *
 * <p>The places follow the fixture's geography ({@link RiskFixtures}): only Berlin-Vienna and Vienna-Zurich lie
 * within GeoIP's accuracy of each other, so the first sign-in comes from inside the network (127.0.0.1, no place
 * learned) to leave three countries for the new-place checks, and Tokyo after Zurich is impossible travel.
 *
 * <p>Steps run in order on one realm and one pair of browsers; after a failed step the rest are skipped.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleJourneyTest {

    static final String USER = "una";
    static final String PASSWORD = "una-Passw0rd!";
    static final String OTP_SECRET = "ztJourneyOtpSecret12345";

    static final String COPY = "zt journey";
    static final String FORMS = COPY + " forms";
    static final String DENY_FLOW = COPY + " deny at high";
    static final String CODE_FLOW = COPY + " second factor";

    static final String ASSESSMENT = "Zero Trust: risk assessment";
    static final String PASSWORD_FORM = "Zero Trust: username password form, network checked first";
    static final String RISK_CONDITION = "Condition - Zero Trust risk level";
    static final String DENY = "Zero Trust: deny with support reference";
    static final String OTP = "Zero Trust: OTP form with risk notice";
    static final String TRUST = "Zero Trust: offer to trust this device";

    static final List<String> PACK_CONDITIONS = List.of("zt-condition-risk-level", "zt-condition-location",
            "zt-condition-time-window", "zt-condition-device-posture", "zt-condition-network");

    @InjectRealm(fromJson = "/zt-journey-realm.json", ref = "journey")
    ManagedRealm realm;

    private static ChromiumBehindProxy adminBrowser;
    private static ChromiumBehindProxy userBrowser;
    private static AdminConsole console;
    private static int shot;
    private static String reference;

    @RegisterExtension
    static final ChromiumSteps STEPS = new ChromiumSteps("journey", "the console journey", "admin", "user");

    @BeforeAll
    static void chromium() {
        adminBrowser = STEPS.browser("admin");
        userBrowser = STEPS.browser("user");
    }

    @BeforeEach
    void openConsole() {
        if (console == null) {
            console = new AdminConsole(adminBrowser, realm.getName());
        }
    }

    @Test
    @Order(1)
    void adminDuplicatesTheBrowserFlow() {
        console.signIn("admin", "admin");
        screenshot(adminBrowser, "admin-signed-in");
        console.openFlow("browser");
        screenshot(adminBrowser, "builtin-browser-flow");
        console.duplicateOpenFlow(COPY);

        assertThat(realm.admin().flows().getFlows()).anySatisfy(f -> assertThat(f.getAlias()).isEqualTo(COPY));
        assertThat(realm.admin().flows().getExecutions(COPY)).extracting(AuthenticationExecutionInfoRepresentation::getDisplayName)
                .contains("Cookie", FORMS);
    }

    @Test
    @Order(2)
    void adminReplacesThePasswordStepAndAddsTheAssessment() {
        // Keycloak's password form and its conditional 2FA give way to the pack's: the network is checked before
        // the password (no password oracle), and the code is asked by risk, not merely because the user has one
        console.delete("Username Password Form");
        console.delete(COPY + " Browser - Conditional 2FA");
        console.add(FORMS, "Add execution", "network checked", "zt-username-password-form", PASSWORD_FORM);
        console.add(FORMS, "Add execution", "risk assessment", "zt-risk-assessment", ASSESSMENT);
        console.require(FORMS, ASSESSMENT, "Required");
        console.configure(FORMS, ASSESSMENT, "zt-journey-risk", Map.of("highAt", "60"), Map.of());
        screenshot(adminBrowser, "assessment-settings");
        console.saveSettings();
    }

    @Test
    @Order(3)
    void adminAddsARefusalAtHigh() {
        console.addSubFlow(FORMS, DENY_FLOW);
        console.require(FORMS, DENY_FLOW, "Conditional");
        console.add(DENY_FLOW, "Add condition", "Zero Trust risk", "zt-condition-risk-level", RISK_CONDITION);
        console.require(DENY_FLOW, RISK_CONDITION, "Required");
        console.configure(DENY_FLOW, RISK_CONDITION, "zt-journey-high", Map.of(), Map.of("level", "HIGH"));
        screenshot(adminBrowser, "condition-settings");
        console.saveSettings();
        console.add(DENY_FLOW, "Add execution", "deny", "zt-deny", DENY);
        console.require(DENY_FLOW, DENY, "Required");
    }

    @Test
    @Order(4)
    void adminAddsACodeAndTheTrustOfferAtMedium() {
        console.addSubFlow(FORMS, CODE_FLOW);
        console.require(FORMS, CODE_FLOW, "Conditional");

        // The pack's conditions are offered as conditions, and only there
        console.openAddDialog(CODE_FLOW, "Add condition", "Zero Trust");
        screenshot(adminBrowser, "add-condition-dialog");
        assertThat(console.offeredAndCancel()).containsAll(PACK_CONDITIONS);
        console.openAddDialog(CODE_FLOW, "Add execution", "Zero Trust");
        assertThat(console.offeredAndCancel()).contains("zt-otp-form", "zt-trusted-device").doesNotContainAnyElementsOf(PACK_CONDITIONS);

        console.add(CODE_FLOW, "Add condition", "Zero Trust risk", "zt-condition-risk-level", RISK_CONDITION);
        console.require(CODE_FLOW, RISK_CONDITION, "Required");
        console.configure(CODE_FLOW, RISK_CONDITION, "zt-journey-medium", Map.of(), Map.of("level", "MEDIUM", "comparison", "at-least"));
        console.saveSettings();
        console.add(CODE_FLOW, "Add execution", "OTP form with risk notice", "zt-otp-form", OTP);
        console.require(CODE_FLOW, OTP, "Required");
        // README "Trusted devices": right after the second factor, REQUIRED, in the same sub-flow
        console.add(CODE_FLOW, "Add execution", "trust this device", "zt-trusted-device", TRUST);
        console.require(CODE_FLOW, TRUST, "Required");
        console.configure(CODE_FLOW, TRUST, "zt-journey-trust", Map.of("trustDuration", "P14D"), Map.of());
        console.saveSettings();

        assertThat(console.badge(CODE_FLOW, RISK_CONDITION)).as("type badge of the pack's condition").isEqualToIgnoringCase("condition");
        assertThat(console.badge(CODE_FLOW, OTP)).isNotEqualToIgnoringCase("condition");
        screenshot(adminBrowser, "flow-built");
    }

    @Test
    @Order(5)
    void adminBindsTheCopyAsBrowserFlowAndTheRestApiSeesWhatTheConsoleBuilt() {
        assertThat(console.bindOpenFlowAsOffered()).isEqualTo("Browser flow");
        adminBrowser.waiting().until(d -> COPY.equals(realm.admin().toRepresentation().getBrowserFlow()));
        screenshot(adminBrowser, "flow-bound");

        List<AuthenticationExecutionInfoRepresentation> forms = realm.admin().flows().getExecutions(FORMS);
        assertThat(forms).extracting(e -> e.getLevel() + " " + name(e) + " " + e.getRequirement()).containsExactly(
                "0 zt-username-password-form REQUIRED",
                "0 zt-risk-assessment REQUIRED",
                "0 " + DENY_FLOW + " CONDITIONAL",
                "1 zt-condition-risk-level REQUIRED",
                "1 zt-deny REQUIRED",
                "0 " + CODE_FLOW + " CONDITIONAL",
                "1 zt-condition-risk-level REQUIRED",
                "1 zt-otp-form REQUIRED",
                "1 zt-trusted-device REQUIRED");
        assertThat(config(forms.get(1))).containsEntry("alias", "zt-journey-risk").containsEntry("highAt", "60");
        assertThat(config(forms.get(3))).containsEntry("alias", "zt-journey-high").containsEntry("level", "HIGH");
        assertThat(config(forms.get(6))).containsEntry("alias", "zt-journey-medium").containsEntry("level", "MEDIUM")
                .containsEntry("comparison", "at-least");
        assertThat(config(forms.get(8))).containsEntry("alias", "zt-journey-trust").containsEntry("trustDuration", "P14D");
        assertThat(realm.admin().flows().getExecutions(COPY)).filteredOn(e -> e.getLevel() == 0)
                .extracting(e -> name(e) + " " + e.getRequirement())
                .contains("auth-cookie ALTERNATIVE", FORMS + " ALTERNATIVE");
    }

    @Test
    @Order(6)
    void aFirstSignInFromInsideTheNetworkIsPlain() {
        userBrowser.from(null).signIn(realm.getName(), USER, PASSWORD);
        assertThat(userBrowser.inAccountConsole()).as("straight into the account console: %s", userBrowser.driver().getCurrentUrl()).isTrue();
        screenshot(userBrowser, "first-sign-in");
        assertThat(LoginEvents.latest(realm, USER).getDetails()).containsEntry("zt_risk_level", "LOW");
        userBrowser.signOutOfAccountConsole();
    }

    @Test
    @Order(7)
    void fromANewCountryTheCodePageSaysWhyAndTheDeviceIsTrusted() {
        userBrowser.from(RiskFixtures.BERLIN).signIn(realm.getName(), USER, PASSWORD);
        assertThat(userBrowser.inAccountConsole()).isFalse();
        assertThat(userBrowser.shown(By.cssSelector("#zt-risk-notice[role='status']")).getText()).contains("Germany");
        screenshot(userBrowser, "code-from-berlin");
        enterCode();

        assertThat(userBrowser.shown(By.id("zt-trust-text")).getText()).contains("14 days");
        screenshot(userBrowser, "trust-offer");
        userBrowser.click(By.id("zt-trust-yes"));
        assertThat(userBrowser.inAccountConsole()).isTrue();
        assertThat(LoginEvents.latest(realm, USER).getDetails()).containsEntry("zt_risk_level", "MEDIUM")
                .containsEntry("zt_trusted_device", "trusted");
        userBrowser.signOutOfAccountConsole();
    }

    @Test
    @Order(8)
    void theTrustedDeviceIsNotAskedFromTheNextNewCountry() {
        userBrowser.from(RiskFixtures.VIENNA).signIn(realm.getName(), USER, PASSWORD);
        assertThat(userBrowser.inAccountConsole()).as("no code from Vienna: %s", userBrowser.driver().getCurrentUrl()).isTrue();
        screenshot(userBrowser, "no-code-from-vienna");
        Map<String, String> details = LoginEvents.latest(realm, USER).getDetails();
        assertThat(details).containsEntry("zt_risk_level", "LOW");
        assertThat(details.get("zt_risk_reasons")).contains("GEO_NEW_COUNTRY").contains("DEVICE_TRUSTED");
    }

    @Test
    @Order(9)
    void theUserRemovesTheTrustedDeviceInTheAccountConsole() {
        userBrowser.driver().get(ChromiumBehindProxy.accountUrl(realm.getName()) + "account-security/signing-in");
        By trusted = By.cssSelector("[data-testid='zt-trusted-device/credential-list']");
        assertThat(userBrowser.shown(trusted).getText()).contains("Trusted device").contains("Berlin (DE)");
        userBrowser.scrollTo(trusted);
        screenshot(userBrowser, "signing-in-lists-the-trusted-device");
        userBrowser.click(new ByChained(trusted, By.cssSelector("[data-testrole='remove']")));

        assertThat(userBrowser.shown(By.id("kc-accept")).isDisplayed()).isTrue();
        screenshot(userBrowser, "confirm-removal");
        userBrowser.click(By.id("kc-accept"));
        assertThat(userBrowser.inAccountConsole()).isTrue();
        assertThat(realm.admin().users().get(LoginEvents.userId(realm, USER)).credentials())
                .noneMatch(c -> "zt-trusted-device".equals(c.getType()));
        userBrowser.signOutOfAccountConsole();
    }

    @Test
    @Order(10)
    void withoutTheTrustTheNextNewCountryAsksForTheCodeAgain() {
        userBrowser.from(RiskFixtures.ZURICH).signIn(realm.getName(), USER, PASSWORD);
        assertThat(userBrowser.inAccountConsole()).isFalse();
        assertThat(userBrowser.shown(By.id("zt-risk-notice")).getText()).contains("Switzerland");
        screenshot(userBrowser, "code-again-from-zurich");
        enterCode();
        userBrowser.click(By.id("zt-trust-no"));
        assertThat(userBrowser.inAccountConsole()).isTrue();
        Map<String, String> details = LoginEvents.latest(realm, USER).getDetails();
        assertThat(details).containsEntry("zt_risk_level", "MEDIUM").containsEntry("zt_trusted_device", "declined");
        assertThat(details.get("zt_risk_reasons")).doesNotContain("DEVICE_TRUSTED");
        userBrowser.signOutOfAccountConsole();
    }

    @Test
    @Order(11)
    void anImpossibleJourneyIsRefusedWithASupportReference() {
        userBrowser.from(RiskFixtures.TOKYO).signIn(realm.getName(), USER, PASSWORD);
        assertThat(userBrowser.inAccountConsole()).isFalse();
        reference = userBrowser.shown(By.id("zt-reference")).getText().trim();
        assertThat(reference).matches("[A-Z0-9]{5}-[A-Z0-9]{5}");
        screenshot(userBrowser, "refused-from-tokyo");

        List<EventRepresentation> errors = realm.admin().getEvents(List.of("LOGIN_ERROR"), null,
                LoginEvents.userId(realm, USER), null, null, null, 0, 10);
        assertThat(errors).filteredOn(e -> reference.equals(e.getDetails().get("zt_reference"))).singleElement()
                .satisfies(e -> assertThat(e.getDetails()).containsEntry("zt_risk_level", "HIGH"));
    }

    @Test
    @Order(12)
    void fromATorExitTheSignInPageItselfIsTheRefusal() {
        // zt-username-password-form refuses by network before any password is asked: nothing to learn about it
        userBrowser.from(RiskFixtures.BERLIN_TOR).driver().get(ChromiumBehindProxy.accountUrl(realm.getName()));
        assertThat(userBrowser.shown(By.id("zt-reference")).getText()).matches("[A-Z0-9]{5}-[A-Z0-9]{5}");
        assertThat(userBrowser.present(By.id("password"))).isFalse();
        screenshot(userBrowser, "refused-from-tor");
    }

    @Test
    @Order(13)
    void theAdminFindsTheRefusalUnderEventsByTheUserAndReadsTheReferenceInItsDetails() {
        // The console searches user events by user, type, client, dates and address, not by a detail: the
        // reference the user reads out is found in the details of the user's LOGIN_ERROR
        console.searchUserEvents(LoginEvents.userId(realm, USER), "LOGIN_ERROR");
        assertThat(console.expandDetail("LOGIN_ERROR", "zt_reference")).isEqualTo(reference);
        assertThat(console.expandedDetail("zt_risk_level")).isEqualTo("HIGH");
        assertThat(console.expandedDetail("zt_risk_reasons")).contains("IMPOSSIBLE_TRAVEL");
        screenshot(adminBrowser, "events-refusal-details");
    }

    @Test
    @Order(14)
    void theAdminReadsThePacksStateInTheConsolesProviderInfo() {
        // GeoIP databases with their build dates, each evaluator's effective settings, the event pipeline's sinks
        String geoip = console.providerInfo("zt-geoip", ZeroTrustServerConfig.CITY_IN_USE.getFileName().toString());
        assertThat(geoip).contains(ZeroTrustServerConfig.CITY_IN_USE.getFileName().toString());
        String evaluators = console.providerInfo("zt-risk-evaluator", "tor-exit-list-file");
        assertThat(evaluators).contains("impossible-travel").contains("(default)")
                .contains(RiskFixtures.TOR_EXITS + " (server)");
        screenshot(adminBrowser, "provider-info-evaluators");
        String events = console.providerInfo("eventsListener", "webhook-backlog");
        assertThat(events).contains("zt-events").contains("webhook-backlog");
    }

    private void enterCode() {
        userBrowser.type(By.id("otp"), OneTimeCodes.next(USER, OTP_SECRET));
        userBrowser.click(By.id("kc-login"));
    }

    private static void screenshot(ChromiumBehindProxy browser, String name) {
        browser.screenshot(String.format("journey-%02d-%s", ++shot, name));
    }

    /** A step by provider id, a sub-flow by name. */
    private static String name(AuthenticationExecutionInfoRepresentation execution) {
        return Boolean.TRUE.equals(execution.getAuthenticationFlow()) ? execution.getDisplayName() : execution.getProviderId();
    }

    private Map<String, String> config(AuthenticationExecutionInfoRepresentation execution) {
        assertThat(execution.getAuthenticationConfig()).as("settings of %s", execution.getDisplayName()).isNotNull();
        AuthenticatorConfigRepresentation config = realm.admin().flows().getAuthenticatorConfig(execution.getAuthenticationConfig());
        Map<String, String> all = new LinkedHashMap<>(config.getConfig());
        all.put("alias", config.getAlias());
        return all;
    }
}
