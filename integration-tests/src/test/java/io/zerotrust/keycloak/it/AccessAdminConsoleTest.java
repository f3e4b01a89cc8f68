package io.zerotrust.keycloak.it;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.Dimension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eligible roles and conflict rules as a realm admin edits them, in real headless Chromium through Keycloak's admin
 * console (its declarative-UI pages *Eligible roles* and *Conflict rules*, zt-access-realm.json): the imported
 * items are listed; an eligibility made through the form (the role and the approver role through the console's
 * role picker) is refused with the server's message while its maximum is 0, then saved exactly as the form said,
 * as the admin REST API shows; a conflict rule added through the form likewise. Each step leaves
 * target/screenshots/access-NN-name.png.
 *
 * <p>Steps run in order on one realm and one browser; after a failed step the rest are skipped.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessAdminConsoleTest {

    private static final String PAGE_TYPE = "org.keycloak.services.ui.extend.UiPageProvider";
    private static final String ELIGIBLE_ROLES = "Eligible roles";
    private static final String CONFLICT_RULES = "Conflict rules";
    /** The console's own texts (messages_en: itemSaveSuccessful, itemSaveError). */
    private static final String SAVED = "Saved successfully";
    private static final String NOT_SAVED = "Error could not save item!";

    @InjectRealm(fromJson = "/zt-access-realm.json", ref = "access-console")
    ManagedRealm realm;

    private static ChromiumBehindProxy browser;
    private static AdminConsole console;
    private static int shot;

    @RegisterExtension
    static final ChromiumSteps STEPS = new ChromiumSteps("access", "the admin console", "admin");

    @BeforeAll
    static void chromium() {
        browser = STEPS.browser("admin");
        // tall enough for the whole eligibility form in one picture
        browser.driver().manage().window().setSize(new Dimension(1280, 1050));
    }

    @BeforeEach
    void openConsole() {
        if (console == null) {
            console = new AdminConsole(browser, realm.getName());
            console.signIn("admin", "admin");
        }
    }

    @Test
    @Order(1)
    void theImportedEligibilitiesAreListedByRoleUsersAndGroup() {
        List<List<String>> listed = console.openPage(ELIGIBLE_ROLES, 2);
        // the console shows a multivalued field's first value only, in the stored order
        assertThat(listed).hasSize(2).extracting(cells -> cells.get(0) + " " + cells.get(2))
                .containsExactlyInAnyOrder("deploy-production ", "db-admin /dba");
        assertThat(listed).filteredOn(cells -> cells.get(0).equals("deploy-production")).singleElement()
                .satisfies(cells -> assertThat(List.of("dana", "cora", "hugo", "ian")).contains(cells.get(1)));
    }

    @Test
    @Order(2)
    void aMaximumOfZeroIsRefusedWithTheServersMessage() {
        console.createItem();
        console.pickRealmRole("role", "pay-approve");
        console.typeValues("users", List.of("hugo"));
        console.typeSetting("max-minutes", "0");
        console.switchSetting("approval-required", true);
        console.pickRealmRole("approver-role", "access-approver");
        console.typeSetting("acr", "mfa");

        String alert = console.saveItem();
        assertThat(alert).contains(NOT_SAVED)
                .contains("Eligible role not saved: max-minutes '0' is not a whole number from 1 to 10080");
        assertThat(eligibilities()).noneMatch(c -> "pay-approve".equals(c.getConfig().getFirst("role")));
    }

    @Test
    @Order(3)
    void theCorrectedFormIsSavedExactlyAsItSays() {
        console.typeSetting("max-minutes", "30");
        screenshot("eligible-role-form");
        assertThat(console.saveItem()).contains(SAVED);

        ComponentRepresentation saved = browser.waiting().until(d -> eligibilities().stream()
                .filter(c -> "pay-approve".equals(c.getConfig().getFirst("role"))).findFirst().orElse(null));
        Map<String, List<String>> config = saved.getConfig();
        assertThat(config).containsEntry("role", List.of("pay-approve"))
                .containsEntry("users", List.of("hugo"))
                .containsEntry("max-minutes", List.of("30"))
                .containsEntry("justification-required", List.of("true"))
                .containsEntry("approval-required", List.of("true"))
                .containsEntry("approver-role", List.of("access-approver"))
                .containsEntry("acr", List.of("mfa"));
        assertThat(config.getOrDefault("group", List.of())).allMatch(String::isBlank);

        assertThat(console.openPage(ELIGIBLE_ROLES, 3)).extracting(cells -> cells.get(0) + " " + cells.get(1))
                .contains("pay-approve hugo");
        screenshot("eligible-roles-list");
    }

    @Test
    @Order(4)
    void theImportedConflictRulesAreListed() {
        List<List<String>> listed = console.openPage(CONFLICT_RULES, 2);
        assertThat(listed).hasSize(2).extracting(cells -> cells.get(0)).containsExactlyInAnyOrder("production change", "payments");
    }

    @Test
    @Order(5)
    void aConflictRuleAddedThroughTheFormIsSaved() {
        console.createItem();
        console.typeSetting("name", "approving own database access");
        console.typeValues("roles", List.of("db-admin", "access-approver"));
        console.chooseSetting("on-admin-change", "revert");
        screenshot("conflict-rule-form");
        assertThat(console.saveItem()).contains(SAVED);

        ComponentRepresentation saved = browser.waiting().until(d -> conflictRules().stream()
                .filter(c -> "approving own database access".equals(c.getConfig().getFirst("name"))).findFirst().orElse(null));
        assertThat(saved.getConfig().get("roles")).containsExactlyInAnyOrder("db-admin", "access-approver");
        assertThat(saved.getConfig()).containsEntry("on-admin-change", List.of("revert"));

        assertThat(console.openPage(CONFLICT_RULES, 3)).extracting(cells -> cells.get(0))
                .contains("approving own database access");
        screenshot("conflict-rules-list");
    }

    private List<ComponentRepresentation> eligibilities() {
        return pages(ELIGIBLE_ROLES);
    }

    private List<ComponentRepresentation> conflictRules() {
        return pages(CONFLICT_RULES);
    }

    private List<ComponentRepresentation> pages(String providerId) {
        String realmId = realm.admin().toRepresentation().getId();
        return realm.admin().components().query(realmId, PAGE_TYPE).stream()
                .filter(c -> providerId.equals(c.getProviderId())).toList();
    }

    private static void screenshot(String name) {
        browser.screenshot(String.format("access-%02d-%s", ++shot, name));
    }
}
