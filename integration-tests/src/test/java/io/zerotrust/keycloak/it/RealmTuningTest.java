package io.zerotrust.keycloak.it;

import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentExportRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.ComponentTypeRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

import static io.zerotrust.keycloak.it.RiskFixtures.VIENNA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-realm tuning on a real server: two realms made from the same JSON, one of which saves Zero Trust settings
 * (the admin console's Zero Trust page, here through the admin API the page uses). The same sign-in gets another
 * verdict in that realm only; the settings travel through a realm export and import; a bad value is refused on
 * save. HtmlUnit throughout, since the sign-ins set X-Forwarded-For.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class RealmTuningTest {

    static final String PAGE_TYPE = "org.keycloak.services.ui.extend.UiPageProvider";
    static final String PAGE_ID = "Zero Trust";

    @InjectAdminClient
    Keycloak admin;

    @InjectRealm(fromJson = "/zt-risk-realm.json", ref = "tuned", config = Tuned.class)
    ManagedRealm tuned;

    @InjectRealm(fromJson = "/zt-risk-realm.json", ref = "untuned", config = Untuned.class)
    ManagedRealm untuned;

    @Test
    void theZeroTrustPageIsOfferedWithTheInstalledEvaluatorsAsChoices() {
        List<ComponentTypeRepresentation> pages = admin.serverInfo().getInfo().getComponentTypes().get(PAGE_TYPE);

        assertThat(pages).as("declarative UI pages").isNotNull();
        ComponentTypeRepresentation page = pages.stream().filter(p -> PAGE_ID.equals(p.getId())).findFirst().orElseThrow();
        assertThat(page.getHelpText()).contains("overrides the server-wide option");
        assertThat(page.getProperties()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("disabled-evaluators");
            assertThat(p.getType()).isEqualTo("MultivaluedList");
            assertThat(p.getOptions()).contains("geo", "impossible-travel", "login-failures", "time", "device",
                    "device-posture", "ip-reputation", "anomaly-mark", "address-block");
        });
        assertThat(page.getProperties()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("geo--deny-countries");
            assertThat(p.getOptions()).contains("AT", "KP");
            assertThat(p.getHelpText()).contains("--spi-zt-risk-evaluator--geo--deny-countries");
        });
        assertThat(page.getProperties()).extracting(p -> p.getName())
                .contains("time--access-windows", "login-failures--window-minutes", "impossible-travel--max-speed-kmh",
                        "device--unknown-log-odds", "device-posture--public-key", "device-posture--required-claims",
                        "address-block--new-block-rate")
                .doesNotContain("device-posture--jwks-file", "ip-reputation--deny-list-file");
    }

    @Test
    void aRealmsSettingsChangeTheVerdictInThatRealmOnly() throws Exception {
        String id = save(tuned.admin(), Map.of("geo--deny-countries", List.of("AT"), "disabled-evaluators", List.of("device")));
        try {
            Verdict inTuned = firstSignInFromVienna(tuned.admin(), tuned.getName(), "alice");
            Verdict inUntuned = firstSignInFromVienna(untuned.admin(), untuned.getName(), "alice");

            assertThat(inTuned.level()).isEqualTo("HIGH");
            assertThat(inTuned.reasons()).contains("GEO_COUNTRY_DENIED").doesNotContain("DEVICE_UNKNOWN");
            assertThat(inUntuned.level()).isEqualTo("LOW");
            assertThat(inUntuned.reasons()).contains("DEVICE_UNKNOWN").doesNotContain("GEO_COUNTRY_DENIED");
        } finally {
            tuned.admin().components().component(id).remove();
        }
    }

    @Test
    void aRealmsOwnDenyListCountsInThatRealmOnly() throws Exception {
        // A tenant blocks a range of its own, beside the server's list files, which it cannot name
        String id = save(tuned.admin(), Map.of("ip-reputation--deny-list", List.of("198.51.100.0/24, 2001:db8::/32")));
        try {
            Verdict inTuned = firstSignInFromVienna(tuned.admin(), tuned.getName(), "carol");
            Verdict inUntuned = firstSignInFromVienna(untuned.admin(), untuned.getName(), "carol");

            assertThat(inTuned.reasons()).contains("IP_DENY_LISTED");
            assertThat(inTuned.level()).isEqualTo("HIGH");
            assertThat(inUntuned.reasons()).doesNotContain("IP_DENY_LISTED");
        } finally {
            tuned.admin().components().component(id).remove();
        }
        try (Response refused = post(tuned.admin(), Map.of("ip-reputation--deny-list", List.of("198.51.100.0/24, not-an-address")))) {
            assertThat(refused.getStatus()).isEqualTo(400);
            assertThat(refused.readEntity(Map.class).get("errorMessage").toString())
                    .contains("ip-reputation").contains("deny-list").contains("not addresses or CIDR prefixes");
        }
    }

    @Test
    void theSettingsTravelWithTheRealmsExportAndImport() throws Exception {
        String id = save(tuned.admin(), Map.of("geo--deny-countries", List.of("AT")));
        String copyName = tuned.getName() + "-copy";
        try {
            RealmRepresentation export = tuned.admin().partialExport(false, false);
            List<ComponentExportRepresentation> exported = export.getComponents().get(PAGE_TYPE);
            assertThat(exported).as("exported Zero Trust settings").singleElement()
                    .satisfies(c -> assertThat(c.getConfig().get("geo--deny-countries")).containsExactly("AT"));

            admin.realms().create(asNewRealm(export, copyName));
            RealmResource copy = admin.realm(copyName);

            assertThat(copy.components().query(copy.toRepresentation().getId(), PAGE_TYPE)).singleElement()
                    .satisfies(c -> assertThat(c.getConfig().get("geo--deny-countries")).containsExactly("AT"));
            Verdict verdict = firstSignInFromVienna(copy, copyName, "bob");
            assertThat(verdict.reasons()).contains("GEO_COUNTRY_DENIED");
            assertThat(verdict.level()).isEqualTo("HIGH");
        } finally {
            tuned.admin().components().component(id).remove();
            if (admin.realms().findAll().stream().anyMatch(r -> copyName.equals(r.getRealm()))) {
                admin.realm(copyName).remove();
            }
        }
    }

    @Test
    void aBadValueIsRefusedOnSaveWithAClearMessage() {
        try (Response refused = post(tuned.admin(), Map.of("login-failures--window-minutes", List.of("0"),
                "geo--deny-countries", List.of("Austria")))) {
            assertThat(refused.getStatus()).isEqualTo(400);
            String message = refused.readEntity(Map.class).get("errorMessage").toString();
            assertThat(message).startsWith("Zero Trust settings not saved:")
                    .contains("login-failures: option window-minutes='0' is invalid (expected a whole number from 1 to 1440)")
                    .contains("geo: option deny-countries='Austria' is invalid (expected an ISO 3166-1 alpha-2 code)")
                    .doesNotContain("using the default");
        }
        assertThat(pageComponents(tuned.admin())).as("nothing saved").isEmpty();

        try (Response serverFile = post(tuned.admin(), Map.of("device-posture--jwks-file", List.of("/etc/passwd")))) {
            assertThat(serverFile.getStatus()).isEqualTo(400);
            assertThat(serverFile.readEntity(Map.class).get("errorMessage").toString())
                    .contains("device-posture has no option 'jwks-file' a realm may set").doesNotContain("root");
        }
    }

    @Test
    void aRealmsAccessWindowsAndItsUsersHoursJudgeWhenTheySignIn() throws Exception {
        int hour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
        String awayFromNow = String.format(Locale.ROOT, "Mon-Sun %02d:00-%02d:00 UTC", (hour + 6) % 24, (hour + 7) % 24);
        String id = save(tuned.admin(), Map.of("time--access-windows", List.of(awayFromNow)));
        try {
            Verdict outside = firstSignInFromVienna(tuned.admin(), tuned.getName(), "erin");
            Verdict untunedRealm = firstSignInFromVienna(untuned.admin(), untuned.getName(), "erin");

            assertThat(outside.reasons()).as("window %s", awayFromNow).contains("TIME_OUTSIDE_WINDOW");
            assertThat(outside.level()).isIn("MEDIUM", "HIGH");
            assertThat(untunedRealm.reasons()).doesNotContain("TIME_OUTSIDE_WINDOW");
        } finally {
            tuned.admin().components().component(id).remove();
        }

        // Inside a window (three hours around now, so that the clock may pass an hour meanwhile), with the hour of
        // the week counting from one learned sign-in: the second sign-in is at the hour this user signs in
        String aroundNow = String.format(Locale.ROOT, "Mon-Sun %02d:00-%02d:00 UTC", (hour + 23) % 24, (hour + 2) % 24);
        id = save(tuned.admin(), Map.of("time--access-windows", List.of(aroundNow), "time--min-logins", List.of("1")));
        try {
            Verdict first = firstSignInFromVienna(tuned.admin(), tuned.getName(), "frank");
            Verdict second = firstSignInFromVienna(tuned.admin(), tuned.getName(), "frank");

            assertThat(first.reasons()).as("nothing learned yet").doesNotContain("TIME_OUTSIDE_WINDOW", "TIME_USUAL_HOUR",
                    "TIME_UNUSUAL_HOUR");
            assertThat(second.reasons()).contains("TIME_USUAL_HOUR").doesNotContain("TIME_OUTSIDE_WINDOW", "TIME_UNUSUAL_HOUR");
        } finally {
            tuned.admin().components().component(id).remove();
        }
    }

    @Test
    void aRealmHasOneSetOfSettings() {
        String id = save(tuned.admin(), Map.of("impossible-travel--max-speed-kmh", List.of("900")));
        try (Response second = post(tuned.admin(), Map.of("impossible-travel--max-speed-kmh", List.of("800")))) {
            assertThat(second.getStatus()).isEqualTo(400);
            assertThat(second.readEntity(Map.class).get("errorMessage").toString())
                    .contains("This realm already has its Zero Trust settings");
        } finally {
            tuned.admin().components().component(id).remove();
        }
    }

    /** Saves the realm's Zero Trust settings as the admin console's page does; returns the component id. */
    static String save(RealmResource realm, Map<String, List<String>> settings) {
        try (Response response = post(realm, settings)) {
            assertThat(response.getStatus()).as("saved: %s", response.hasEntity() ? response.readEntity(String.class) : "")
                    .isEqualTo(201);
            String location = response.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    private static Response post(RealmResource realm, Map<String, List<String>> settings) {
        ComponentRepresentation component = new ComponentRepresentation();
        component.setProviderId(PAGE_ID);
        component.setProviderType(PAGE_TYPE);
        component.setParentId(realm.toRepresentation().getId());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("name", "Zero Trust settings");
        settings.forEach(config::put);
        component.setConfig(config);
        return realm.components().add(component);
    }

    private static List<ComponentRepresentation> pageComponents(RealmResource realm) {
        return realm.components().query(realm.toRepresentation().getId(), PAGE_TYPE);
    }

    /** A user's first sign-in, from Vienna in a fresh browser, and the verdict on its LOGIN event. */
    private static Verdict firstSignInFromVienna(RealmResource realm, String realmName, String username) throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(VIENNA)) {
            HtmlPage page = browser.login(realmName, username, username + "-Passw0rd!");
            assertThat(BrowserBehindProxy.signedIn(page)).as("%s signed in to %s; page: %s", username, realmName, page.getUrl())
                    .isTrue();
        }
        Map<String, String> details = LoginEvents.latest(realm, username).getDetails();
        return new Verdict(details.get("zt_risk_level"), List.of(details.getOrDefault("zt_risk_reasons", "").split(",")));
    }

    /**
     * The export as a realm of another name: without ids (they belong to the exported realm, which still exists)
     * and with the users of the original JSON, since a partial export has none.
     */
    private static RealmRepresentation asNewRealm(RealmRepresentation export, String name) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode tree = json.valueToTree(export);
        removeIds(tree);
        RealmRepresentation copy = json.treeToValue(tree, RealmRepresentation.class);
        copy.setRealm(name);
        copy.setDefaultRole(null); // a role of the exported realm, which the partial export leaves out
        try (InputStream original = RealmTuningTest.class.getResourceAsStream("/zt-risk-realm.json")) {
            copy.setUsers(json.readValue(original, RealmRepresentation.class).getUsers());
        }
        return copy;
    }

    private static void removeIds(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("id");
            object.remove("containerId");
            object.remove("parentId");
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            removeIds(children.next());
        }
    }

    record Verdict(String level, List<String> reasons) {
    }

    static class Tuned implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("zt-tuning-a");
        }
    }

    static class Untuned implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("zt-tuning-b");
        }
    }
}
