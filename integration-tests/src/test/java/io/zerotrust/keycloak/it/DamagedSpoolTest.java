package io.zerotrust.keycloak.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A spool left damaged by an earlier run (a cut UTF-8 sequence, a line cut by a full disk) once turned the whole
 * event export off until new events pushed the segment out. Now the server starts with export on: the damaged lines
 * are set aside, the good events of that segment are delivered, and new events flow.
 */
@KeycloakIntegrationTest(config = DamagedSpoolTest.DamagedSpoolServer.class)
class DamagedSpoolTest {

    static final Path SPOOL = RiskFixtures.DIR.resolve("damaged-spool");
    static final String LEFT_OVER = "left-over-event-before-the-damage";

    @InjectRealm(fromJson = "/zt-risk-realm.json", ref = "damaged-spool")
    ManagedRealm realm;

    @Test
    void theGoodEventsOfADamagedSegmentAndNewEventsAreDelivered() throws Exception {
        WebhookReceiver receiver = WebhookReceiver.get();
        List<JsonNode> leftOver = receiver.await(e -> LEFT_OVER.equals(e.path("metadata").path("uid").asText()), 1,
                Duration.ofSeconds(30));
        assertThat(leftOver).as("the damaged segment's good event, replayed").hasSize(1);

        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(browser.login(realm.getName(), "heidi", "heidi-Passw0rd!"))).isTrue();
        }
        String login = LoginEvents.latest(realm, "heidi").getId();
        assertThat(receiver.await(e -> login.equals(e.path("metadata").path("uid").asText()), 1, Duration.ofSeconds(30)))
                .as("a new LOGIN exported").hasSize(1);
        assertThat(SPOOL.resolve("webhook").resolve("segment-00000000000000000001.jsonl" + ".corrupt"))
                .as("the damaged lines, kept beside the spool").exists();
    }

    public static class DamagedSpoolServer extends ZeroTrustServerConfig {
        @Override
        public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
            try {
                Path webhook = SPOOL.resolve("webhook");
                Files.createDirectories(webhook);
                try (var old = Files.list(webhook)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
                ByteArrayOutputStream segment = new ByteArrayOutputStream();
                segment.write(("{\"metadata\":{\"uid\":\"" + LEFT_OVER + "\"},\"class_uid\":3002}\n").getBytes(StandardCharsets.UTF_8));
                segment.write(new byte[]{'{', '"', 'x', '"', ':', '"', (byte) 0xE2, (byte) 0x82, '"', '}', '\n'});
                segment.write("{\"metadata\":{\"uid\":\"cut-by-a-full-dis".getBytes(StandardCharsets.UTF_8));
                Files.write(webhook.resolve("segment-00000000000000000001.jsonl"), segment.toByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return super.configure(config).spiOption("events-listener", "zt-events", "spool-dir", SPOOL.toString());
        }
    }
}
