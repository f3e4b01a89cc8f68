package io.zerotrust.keycloak.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.KeysMetadataRepresentation.KeyMetadataRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static io.zerotrust.keycloak.it.RiskFixtures.BERLIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin rotates the realm's HMAC key, as Keycloak's documentation describes it (a new key provider with a higher
 * priority, then the old one deleted), on the real server: the device cookies the old key MACed must then count as
 * unknown devices, not as forgeries, and the browser gets a cookie of the new key.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class DeviceKeyRotationTest {

    @InjectRealm(fromJson = "/zt-risk-realm.json", ref = "key-rotation")
    ManagedRealm realm;

    @Test
    void aCookieOfADeletedRealmKeyIsAnUnknownDeviceNotAForgery() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(BERLIN)) {
            login(browser, "alice");
            assertThat(reasons(login(browser, "alice"))).as("the cookie works before the rotation").contains("DEVICE_KNOWN");
            String before = cookie(browser);
            KeyMetadataRepresentation oldKey = activeHmacKey();
            assertThat(kidOf(before)).isEqualTo(oldKey.getKid());

            rotateHmacKey(oldKey);

            List<String> after = reasons(login(browser, "alice"));
            assertThat(after).contains("DEVICE_UNKNOWN").doesNotContain("DEVICE_COOKIE_FORGED", "DEVICE_KNOWN");
            String renewed = cookie(browser);
            assertThat(renewed).isNotEqualTo(before);
            assertThat(kidOf(renewed)).isEqualTo(activeHmacKey().getKid()).isNotEqualTo(oldKey.getKid());
        }
    }

    private void rotateHmacKey(KeyMetadataRepresentation oldKey) {
        ComponentRepresentation newer = new ComponentRepresentation();
        newer.setName("hmac-rotated");
        newer.setProviderId("hmac-generated");
        newer.setProviderType("org.keycloak.keys.KeyProvider");
        newer.setParentId(realm.admin().toRepresentation().getId());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("priority", Long.toString(oldKey.getProviderPriority() + 100));
        config.putSingle("algorithm", "HS512");
        newer.setConfig(config);
        try (Response created = realm.admin().components().add(newer)) {
            assertThat(created.getStatus()).isEqualTo(201);
        }
        realm.admin().components().component(oldKey.getProviderId()).remove();
        assertThat(realm.admin().keys().getKeyMetadata().getKeys()).extracting(KeyMetadataRepresentation::getKid)
                .doesNotContain(oldKey.getKid());
    }

    private KeyMetadataRepresentation activeHmacKey() {
        return realm.admin().keys().getKeyMetadata().getKeys().stream()
                .filter(k -> "HS512".equals(k.getAlgorithm()) && "ACTIVE".equals(k.getStatus()))
                .max((a, b) -> Long.compare(a.getProviderPriority(), b.getProviderPriority()))
                .orElseThrow();
    }

    private static String cookie(BrowserBehindProxy browser) {
        String[] value = new String[1];
        browser.tamperCookie("ZT_DEVICE", v -> {
            value[0] = v;
            return v;
        });
        return value[0];
    }

    /** The key id a version 2 device cookie names: the second line of its payload. */
    private static String kidOf(String cookie) {
        String payload = new String(Base64.getUrlDecoder().decode(cookie.substring(0, cookie.indexOf('.'))), StandardCharsets.UTF_8);
        assertThat(payload).startsWith("2\n");
        return payload.split("\n")[1];
    }

    private Map<String, String> login(BrowserBehindProxy browser, String username) throws Exception {
        browser.endSession();
        HtmlPage page = browser.login(realm.getName(), username, username + "-Passw0rd!");
        assertThat(BrowserBehindProxy.signedIn(page)).as("%s signed in; page: %s", username, page.getUrl()).isTrue();
        return LoginEvents.latest(realm, username).getDetails();
    }

    private static List<String> reasons(Map<String, String> details) {
        return List.of(details.getOrDefault("zt_risk_reasons", "").split(","));
    }
}
