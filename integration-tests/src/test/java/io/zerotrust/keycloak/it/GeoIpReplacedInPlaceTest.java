package io.zerotrust.keycloak.it;

import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GeoIP file overwritten in place while the server has it memory-mapped (a {@code cp} over the live file instead
 * of a rename): the mapping faults, and the sign-in must go on at the fallback level instead of a 500; once a
 * complete file is back the server opens it again. The file is the shared server's own copy of the city database
 * ({@link ZeroTrustServerConfig#CITY_IN_USE}), which the test puts back however it ends.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class GeoIpReplacedInPlaceTest {

    @InjectRealm(fromJson = "/zt-risk-realm.json", ref = "geo-in-place")
    ManagedRealm realm;

    @Test
    void aFileOverwrittenWhileMappedLeavesTheSignInAtTheFallbackLevelAndIsReopened() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(reasons(login(browser))).doesNotContain("GEO_UNAVAILABLE");
            try {
                try (FileChannel channel = FileChannel.open(ZeroTrustServerConfig.CITY_IN_USE, StandardOpenOption.WRITE)) {
                    channel.truncate(0);
                }
                Map<String, String> broken = login(browser.from(RiskFixtures.VIENNA));
                assertThat(reasons(broken)).contains("GEO_UNAVAILABLE");
                assertThat(broken.get("zt_risk_level")).isIn("MEDIUM", "HIGH");
            } finally {
                // The new release arrives (here: copied over it again); the server checks its files every 2 s
                ZeroTrustServerConfig.restoreCityInUse();
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            String reasons;
            do {
                reasons = reasons(login(browser.from(RiskFixtures.BERLIN)));
            } while (reasons.contains("GEO_UNAVAILABLE") && Instant.now().isBefore(deadline) && pause());
            assertThat(reasons).as("located again after the file was replaced").doesNotContain("GEO_UNAVAILABLE");
        }
    }

    private Map<String, String> login(BrowserBehindProxy browser) throws Exception {
        browser.endSession();
        HtmlPage page = browser.login(realm.getName(), "alice", "alice-Passw0rd!");
        assertThat(BrowserBehindProxy.signedIn(page)).as("signed in, not an error page: %s", page.getUrl()).isTrue();
        return LoginEvents.latest(realm, "alice").getDetails();
    }

    private static String reasons(Map<String, String> details) {
        return details.getOrDefault("zt_risk_reasons", "");
    }

    /** Between polls of the server's state; true so it can sit in the loop condition. */
    private static boolean pause() throws InterruptedException {
        Thread.sleep(500);
        return true;
    }
}
