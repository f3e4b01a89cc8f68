package io.zerotrust.keycloak.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.pagefactory.ByChained;

/**
 * Keycloak 26.7's admin console (the React app) as a realm admin uses it: the flow editor (duplicate, add steps,
 * conditions and sub-flows, requirements, step settings, binding), the user events and the pack's declarative-UI
 * pages (list, create item, the form's fields). Elements are found by the console's own {@code data-testid}s where
 * it has them (FlowDetails, FlowRow, AddFlowDropdown, AddStepModal, AddSubFlowModal, ExecutionConfigModal,
 * BindFlowDialog, UserEvents, PageHandler, DynamicComponents), else by their English labels.
 */
final class AdminConsole {

    private static final String CONSOLE = ChromiumBehindProxy.BASE + "/admin/master/console/";
    private static final By MODAL = By.cssSelector(".pf-v5-c-modal-box");

    private final ChromiumBehindProxy chromium;
    private final String realm;

    AdminConsole(ChromiumBehindProxy chromium, String realm) {
        this.chromium = chromium;
        this.realm = realm;
    }

    /** Signs in to the master realm's console. */
    void signIn(String username, String password) {
        chromium.driver().get(CONSOLE);
        chromium.type(By.id("username"), username);
        chromium.type(By.id("password"), password);
        chromium.click(By.id("kc-login"));
        chromium.shown(By.cssSelector("[data-testid='options-toggle']"));
    }

    /** Authentication, Flows tab, then the flow's page. */
    void openFlow(String alias) {
        open("authentication");
        chromium.click(By.linkText(alias));
        chromium.shown(By.cssSelector("[data-testid='addStep']"));
    }

    /** Action, Duplicate, with the copy's name; the console then shows the copy. */
    void duplicateOpenFlow(String newName) {
        String original = chromium.driver().getCurrentUrl();
        chromium.choose(By.cssSelector("[data-testid='action-dropdown']"), menuItem("Duplicate"));
        chromium.type(inModal(By.id("alias")), newName);
        chromium.click(inModal(By.cssSelector("[data-testid='confirm']")));
        // Keycloak 26.7.3's console moves to the copy's address but still shows the original (it refetches with
        // the old id), so the copy's page is loaded afresh
        chromium.waiting().until(d -> !original.equals(d.getCurrentUrl()) && !chromium.present(MODAL));
        chromium.driver().navigate().refresh();
        chromium.waiting().until(d -> newName.equals(d.findElement(By.cssSelector("[data-testid='view-header']")).getText().trim()));
        chromium.shown(By.cssSelector("[data-testid='addStep']"));
    }

    /** The trash button of a step or sub-flow of the open flow, confirmed. */
    void delete(String displayName) {
        int before = rows(null, displayName).size();
        chromium.click(By.cssSelector("[data-testid='" + displayName + "-delete']"));
        chromium.click(inModal(By.cssSelector("[data-testid='confirm']")));
        chromium.waiting().until(d -> rows(null, displayName).size() < before);
    }

    /** The sub-flow's "+" menu, "Add execution" or "Add condition", the provider searched for and chosen. */
    void add(String parent, String menu, String search, String providerId, String displayName) {
        openAddDialog(parent, menu, search);
        chromium.click(inModal(By.cssSelector("input[data-testid='" + providerId + "']")));
        chromium.click(inModal(By.cssSelector("[data-testid='modal-add']")));
        chromium.waiting().until(d -> !chromium.present(MODAL) && !rows(parent, displayName).isEmpty());
    }

    /** Opens the sub-flow's "Add execution" or "Add condition" dialog and searches; leaves it open. */
    void openAddDialog(String parent, String menu, String search) {
        chromium.choose(By.cssSelector("[data-testid='" + parent + "-edit-dropdown']"), menuItem(menu));
        WebElement field = chromium.shown(inModal(By.cssSelector("[data-testid='table-search-input'] input")));
        field.sendKeys(search);
        field.sendKeys(org.openqa.selenium.Keys.ENTER);
        chromium.shown(inModal(By.cssSelector("input[type='radio']")));
    }

    /** The provider ids the open add dialog lists, and closes it. */
    List<String> offeredAndCancel() {
        List<String> offered = chromium.driver().findElements(inModal(By.cssSelector("input[type='radio']"))).stream()
                .map(radio -> radio.getAttribute("data-testid")).toList();
        chromium.click(inModal(By.cssSelector("[data-testid='cancel']")));
        chromium.waiting().until(d -> !chromium.present(MODAL));
        return offered;
    }

    /** The sub-flow's "+" menu, "Add sub-flow", a generic flow of this name. */
    void addSubFlow(String parent, String name) {
        chromium.choose(By.cssSelector("[data-testid='" + parent + "-edit-dropdown']"), menuItem("Add sub-flow"));
        chromium.type(inModal(By.id("name")), name);
        chromium.click(inModal(By.cssSelector("[data-testid='modal-add']")));
        chromium.waiting().until(d -> !chromium.present(MODAL) && !rows(parent, name).isEmpty());
    }

    /** Chooses the requirement (as labelled: Required, Conditional, ...) of the row in the requirement menu. */
    void require(String parent, String displayName, String requirement) {
        By toggle = By.xpath(rowXpath(parent, displayName) + "//button[contains(@class,'requirement-dropdown')]");
        chromium.choose(toggle, By.xpath("//*[@role='option'][normalize-space(.)='" + requirement + "']"));
        chromium.waiting().until(d -> requirement.equals(d.findElement(toggle).getText().trim()));
    }

    /** The row's type badge (step, condition, flow) as the console shows it. */
    String badge(String parent, String displayName) {
        return chromium.shown(By.xpath(rowXpath(parent, displayName) + "//span[contains(@class,'pf-v5-c-label__text')]"))
                .getText().trim();
    }

    /**
     * Opens the row's gear (settings) dialog, types the alias and text settings, picks list settings, and saves.
     * Settings are keyed by the provider's config property names, as the console's fields are.
     */
    void configure(String parent, String displayName, String alias, Map<String, String> text, Map<String, String> choices) {
        openSettings(parent, displayName);
        chromium.type(inModal(By.id("alias")), alias);
        text.forEach((key, value) -> chromium.type(inModal(By.cssSelector("input[data-testid='" + key + "']")), value));
        choices.forEach((key, value) -> {
            chromium.choose(inModal(By.id(key)), By.xpath("//*[@role='option'][normalize-space(.)='" + value + "']"));
        });
    }

    /** Opens the row's gear dialog and leaves it open. */
    void openSettings(String parent, String displayName) {
        chromium.click(By.xpath(rowXpath(parent, displayName) + "//button[@aria-label='Settings']"));
        chromium.shown(inModal(By.id("alias")));
    }

    /** Saves the open settings dialog. */
    void saveSettings() {
        chromium.click(inModal(By.cssSelector("[data-testid='save']")));
        chromium.waiting().until(d -> !chromium.present(MODAL));
    }

    /** Action, Bind flow, the binding type offered first (Browser flow), Save. */
    String bindOpenFlowAsOffered() {
        chromium.choose(By.cssSelector("[data-testid='action-dropdown']"), menuItem("Bind flow"));
        String offered = chromium.shown(inModal(By.id("chooseBindingType"))).getText().trim();
        chromium.click(inModal(By.cssSelector("[data-testid='save']")));
        chromium.waiting().until(d -> !chromium.present(MODAL));
        return offered;
    }

    /** Events, User events, Search events by this user id; waits for a row of that event type. */
    void searchUserEvents(String userId, String eventType) {
        open("events");
        chromium.click(By.cssSelector("[data-testid='dropdown-panel-btn']"));
        chromium.type(By.cssSelector("[data-testid='userId-searchField']"), userId);
        chromium.click(By.cssSelector("[data-testid='search-events-btn']"));
        chromium.shown(eventRow(eventType));
    }

    /** Expands the first row of that event type and reads its details as the console lists them. */
    String expandDetail(String eventType, String detail) {
        chromium.click(By.xpath(eventRowXpath(eventType) + "//td[contains(@class,'pf-v5-c-table__toggle')]//button"));
        return expandedDetail(detail);
    }

    /** A detail of the expanded event. */
    String expandedDetail(String detail) {
        return chromium.shown(By.xpath("//dt[normalize-space(.)='" + detail + "']/following-sibling::dd[1]")).getText().trim();
    }

    /**
     * The master realm's dashboard, *Provider info*, filtered to one SPI with its providers' details expanded; returns
     * the text the console shows for that SPI. This is where Keycloak's console shows what a provider reports of its
     * own state (its operational info).
     */
    String providerInfo(String spi, String expectedText) {
        chromium.driver().get(CONSOLE + "#/master/providers");
        chromium.driver().navigate().refresh();
        chromium.type(By.cssSelector("input[type='search'], input[aria-label='Search']"), spi);
        By row = By.xpath("//tr[td[normalize-space(.)='" + spi + "']]");
        chromium.shown(row);
        // Each provider with details has an expandable section; open them all, then read the row
        chromium.waiting().until(d -> {
            for (WebElement toggle : d.findElements(By.xpath("//tr[td[normalize-space(.)='" + spi + "']]"
                    + "//button[@aria-expanded='false']"))) {
                toggle.click();
            }
            String text = d.findElement(row).getText();
            return text.contains(expectedText) ? text : null;
        });
        return chromium.driver().findElement(row).getText();
    }

    /**
     * A declarative-UI page of the realm's navigation (by its page provider id), once its list shows at least
     * {@code items} items; returns them, each as its cells' texts in the columns' order.
     */
    List<List<String>> openPage(String pageId, int items) {
        open("page-section/" + URLEncoder.encode(pageId, StandardCharsets.UTF_8).replace("+", "%20"));
        chromium.waiting().until(d -> pageId.equals(d.findElement(By.tagName("h1")).getText().trim()));
        return listedItems(items);
    }

    /** The open page's list once it has at least that many items. */
    List<List<String>> listedItems(int items) {
        By rows = By.cssSelector("table tbody tr");
        return chromium.waiting().until(d -> {
            List<List<String>> listed = d.findElements(rows).stream()
                    .map(row -> row.findElements(By.cssSelector("td:not(.pf-v5-c-table__action)")).stream()
                            .map(cell -> cell.getText().trim()).toList())
                    .toList();
            return listed.size() >= items ? listed : null;
        });
    }

    /** The open page's *Create item*: its empty form. */
    void createItem() {
        chromium.click(By.xpath("//a[normalize-space(.)='Create item'] | //button[normalize-space(.)='Create item']"));
        chromium.shown(By.cssSelector("form [data-testid='save']"));
    }

    /** Replaces the text of a page form's text field, by its config key. */
    void typeSetting(String key, String value) {
        chromium.type(By.cssSelector("form input[data-testid='" + key + "']"), value);
    }

    /** Fills a multivalued text field, one entry per value (adding entries with its "Add ..." button). */
    void typeValues(String key, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                chromium.click(By.cssSelector("form [data-testid='config." + key + "-addValue']"));
            }
            chromium.type(By.cssSelector("form input[data-testid='config." + key + i + "']"), values.get(i));
        }
    }

    /** Turns a page form's switch on or off. */
    void switchSetting(String key, boolean on) {
        By input = By.cssSelector("form input[type='checkbox'][data-testid='" + key + "']");
        if (chromium.driver().findElement(input).isSelected() != on) {
            chromium.click(By.cssSelector("form label.pf-v5-c-switch[for='" + key + "']"));
        }
        chromium.waiting().until(d -> d.findElement(input).isSelected() == on);
    }

    /** Picks one of a page form's list options. */
    void chooseSetting(String key, String option) {
        chromium.choose(By.cssSelector("form button#" + key), By.xpath("//*[@role='option'][normalize-space(.)='" + option + "']"));
        chromium.waiting().until(d -> option.equals(d.findElement(By.cssSelector("form button#" + key)).getText().trim()));
    }

    /** A page form's role field: its *Select Role* menu, realm roles, the role chosen in the dialog, assigned. */
    void pickRealmRole(String key, String role) {
        String group = "//form//div[contains(@class,'pf-v5-c-form__group')][.//label[@for='" + key + "']]";
        chromium.choose(By.xpath(group + "//button[@data-testid='add-role-mapping-button']"),
                By.xpath("//*[@role='menuitem'][normalize-space(.)='Realm roles']"));
        chromium.click(inModal(By.xpath(".//tr[td[normalize-space(.)='" + role + "']]//input")));
        chromium.click(inModal(By.xpath(".//button[normalize-space(.)='Assign']")));
        chromium.waiting().until(d -> !chromium.present(MODAL));
        chromium.shown(By.xpath(group + "//*[normalize-space(.)='" + role + "']"));
    }

    /** Saves the open page form; returns the console's alert (success or the server's refusal). */
    String saveItem() {
        chromium.closeToasts();
        chromium.click(By.cssSelector("form [data-testid='save']"));
        return chromium.shown(By.cssSelector(".pf-v5-c-alert-group .pf-v5-c-alert")).getText().trim();
    }

    /**
     * Loads a page of the realm's section. The console follows the realm in the URL only on its own navigation
     * (history.pushState), not on a typed-in hash, so the page is loaded afresh there.
     */
    private void open(String section) {
        chromium.driver().get(CONSOLE + "#/" + realm + "/" + section);
        chromium.driver().navigate().refresh();
    }

    private static By eventRow(String eventType) {
        return By.xpath(eventRowXpath(eventType));
    }

    private static String eventRowXpath(String eventType) {
        return "(//tr[td[normalize-space(.)='" + eventType + "']])[1]";
    }

    /**
     * The table row of a step or sub-flow by its display name; with a parent sub-flow, the first such row after the
     * parent's (a sub-flow's steps follow it in the tree table), since two sub-flows may hold the same condition.
     */
    private List<WebElement> rows(String parent, String displayName) {
        return chromium.driver().findElements(By.xpath(rowXpath(parent, displayName)));
    }

    private static String rowXpath(String parent, String displayName) {
        String row = "tr[.//div[@data-testid='" + displayName + "']]";
        return parent == null ? "//" + row
                : "//tr[.//div[@data-testid='" + parent + "']]/following-sibling::" + row + "[1]";
    }

    private static By menuItem(String label) {
        return By.xpath("//*[@role='menuitem'][normalize-space(.)='" + label + "']");
    }

    private static By inModal(By inner) {
        return new ByChained(MODAL, inner);
    }
}
