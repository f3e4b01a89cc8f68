package io.zerotrust.keycloak.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zt-events listener on a real server: logins reach the SOC's webhook (a local receiver) as signed OCSF,
 * after the login, and survive the receiver being down.
 */
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class EventPipelineTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @InjectRealm(fromJson = "/zt-risk-realm.json", ref = "events")
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak adminClient;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void loginArrivesAtTheWebhookAsSignedOcsfAuthentication() throws Exception {
        WebhookReceiver receiver = WebhookReceiver.get();
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            HtmlPage page = browser.login(realm.getName(), "alice", "alice-Passw0rd!");
            assertThat(BrowserBehindProxy.signedIn(page)).isTrue();
        }
        String eventId = LoginEvents.latest(realm, "alice").getId();

        List<JsonNode> delivered = receiver.await(e -> eventId.equals(e.path("metadata").path("uid").asText()), 1, DELIVERY);

        assertThat(delivered).as("OCSF object with metadata.uid = LOGIN event id %s", eventId).hasSize(1);
        JsonNode ocsf = delivered.get(0);
        assertThat(ocsf.path("class_uid").asInt()).isEqualTo(3002);
        assertThat(ocsf.path("activity_id").asInt()).isEqualTo(1);
        assertThat(ocsf.path("type_uid").asInt()).isEqualTo(300201);
        assertThat(ocsf.path("status_id").asInt()).isEqualTo(1);
        assertThat(ocsf.path("user").path("name").asText()).isEqualTo("alice");
        assertThat(ocsf.path("src_endpoint").path("ip").asText()).isEqualTo(RiskFixtures.BERLIN);
        assertThat(ocsf.path("src_endpoint").path("location").path("country").asText()).isEqualTo("DE");
        assertThat(ocsf.toString()).contains("zt.risk").contains("\"level\"");
        assertThat(receiver.badSignatures()).as("batches with a bad signature").isEmpty();

        // The pipeline's meters are in Keycloak's own metrics endpoint
        String metrics = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:9000/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("zt_events_delivered_total").contains("zt_events_outbox_backlog");
    }

    @Test
    void eventsWaitWhileTheReceiverIsDownAndAllArriveWhenItIsBack() throws Exception {
        WebhookReceiver receiver = WebhookReceiver.get();
        List<String> ids = new ArrayList<>();
        List<Long> normal = new ArrayList<>();
        List<Long> whileDown = new ArrayList<>();
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            for (int i = 0; i < 5; i++) {
                normal.add(timedLogin(browser, "carol"));
            }
            int failedBefore = receiver.answeredDown();
            receiver.setDown(true);
            for (int i = 0; i < 5; i++) {
                whileDown.add(timedLogin(browser, "bob"));
            }
            // the pack tried to deliver while the receiver was down: the events really had to wait
            long deadline = System.nanoTime() + DELIVERY.toNanos();
            while (receiver.answeredDown() == failedBefore && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(receiver.answeredDown()).as("deliveries the receiver refused while down").isGreaterThan(failedBefore);
        } finally {
            receiver.setDown(false);
        }
        // The receiver takes 3 s to fail each delivery; a login that waited for it would take that long.
        // A loose bound, since this shares 2 cores with a server: the point is "not blocked", not a figure.
        assertThat(median(whileDown)).as("median login ms while the receiver is down (normal: %s)", normal)
                .isLessThan(median(normal) + 1_000);
        String userId = LoginEvents.userId(realm, "bob");
        for (EventRepresentation e : realm.admin().getEvents(List.of("LOGIN"), null, userId, null, null, null, 0, 10)) {
            ids.add(e.getId());
        }
        assertThat(ids).hasSize(5);

        List<JsonNode> delivered = receiver.await(e -> ids.contains(e.path("metadata").path("uid").asText()), 5, DELIVERY);

        assertThat(delivered.stream().map(e -> e.path("metadata").path("uid").asText()).distinct())
                .as("every LOGIN delivered once the receiver is back").containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aReceiverRefusingThePackLosesNoEvents() throws Exception {
        // 401 while the receiver expects a rotated secret, 404 while it moves: neither may cost the SOC an event
        WebhookReceiver receiver = WebhookReceiver.get();
        List<String> ids = new ArrayList<>();
        for (int status : new int[]{401, 404}) {
            int refusedBefore = receiver.refused();
            receiver.setRefusing(status);
            try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
                timedLogin(browser, "dave");
                String latest = LoginEvents.latest(realm, "dave").getId();
                ids.add(latest);
                long deadline = System.nanoTime() + DELIVERY.toNanos();
                while (receiver.refused() == refusedBefore && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(receiver.refused()).as("the receiver refused a delivery with HTTP %d", status).isGreaterThan(refusedBefore);
                assertThat(receiver.matching(e -> latest.equals(e.path("metadata").path("uid").asText()))).isEmpty();
            } finally {
                receiver.setRefusing(0);
            }
        }

        List<JsonNode> delivered = receiver.await(e -> ids.contains(e.path("metadata").path("uid").asText()), ids.size(), DELIVERY);
        assertThat(delivered.stream().map(e -> e.path("metadata").path("uid").asText()).distinct())
                .as("the LOGINs refused with 401 and 404, delivered once the receiver takes events again")
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    /**
     * A receiver answering 401 for a whole minute (its secret rotated before the pack's was) while users sign in:
     * the admin sees the webhook failing, the metric says so, and once it takes events again every LOGIN of that
     * minute arrives.
     */
    @Test
    void aMinuteOf401FromTheReceiverLosesNothing() throws Exception {
        WebhookReceiver receiver = WebhookReceiver.get();
        List<String> ids = new ArrayList<>();
        int refusedBefore = receiver.refused();
        receiver.setRefusing(401);
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            boolean seenFailing = false;
            List<String> statesAfterFailing = new ArrayList<>();
            while (System.nanoTime() < end) {
                timedLogin(browser, "frank");
                ids.add(LoginEvents.latest(realm, "frank").getId());
                String state = JSON.readTree(admin("/status").body()).path("events").path("pipeline")
                        .path("webhook-state").asText();
                if (seenFailing) {
                    statesAfterFailing.add(state);
                }
                seenFailing |= state.startsWith("failing (http_401)");
            }
            assertThat(seenFailing).as("the admin view showed the webhook failing with HTTP 401").isTrue();
            // a retry that is only under way is no sign the receiver takes events again
            assertThat(statesAfterFailing).as("the webhook's state once it failed, while the receiver still refuses")
                    .allMatch(state -> state.startsWith("failing (http_401)"));
            // backoff grows to 30 s between tries; at its first step (up to 1 s) a minute would take ~100
            assertThat(receiver.refused() - refusedBefore).as("tries the receiver refused in a minute").isBetween(1, 20);
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:9000/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).containsPattern("zt_events_consumer_failing\\{consumer=\"webhook\"[^}]*\\} 1\\.0");
            assertThat(receiver.matching(e -> ids.contains(e.path("metadata").path("uid").asText()))).isEmpty();
        } finally {
            receiver.setRefusing(0);
        }

        List<JsonNode> delivered = receiver.await(e -> ids.contains(e.path("metadata").path("uid").asText()), ids.size(),
                DELIVERY.plusSeconds(30));
        assertThat(delivered.stream().map(e -> e.path("metadata").path("uid").asText()).distinct())
                .as("the %d LOGINs of a minute of 401, delivered once the receiver takes events", ids.size())
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    /**
     * A receiver that cannot take one event (it answers 400 for any batch that holds it) while it takes the others:
     * that event is set aside as a dead letter with the receiver's answer, listed for the realm's admin, and the
     * events around it arrive.
     */
    @Test
    void anEventTheReceiverRefusesOnItsOwnIsSetAsideAndListedForTheAdmin() throws Exception {
        WebhookReceiver receiver = WebhookReceiver.get();
        String carolId = LoginEvents.userId(realm, "carol");
        receiver.refuseEvents(e -> carolId.equals(e.path("user").path("uid").asText()));
        String carolLogin;
        try {
            try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
                timedLogin(browser, "carol");
                carolLogin = LoginEvents.latest(realm, "carol").getId();
                timedLogin(browser, "erin");
            }
            String erinLogin = LoginEvents.latest(realm, "erin").getId();
            assertThat(receiver.await(e -> erinLogin.equals(e.path("metadata").path("uid").asText()), 1, DELIVERY))
                    .as("the LOGIN after the refused one").hasSize(1);

            JsonNode letters = null;
            long deadline = System.nanoTime() + DELIVERY.toNanos();
            while (System.nanoTime() < deadline) {
                letters = JSON.readTree(admin("/dead-letters").body());
                if (letters.path("latest").toString().contains(carolLogin)) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(letters.path("latest").toString()).as("carol's LOGIN among the dead letters").contains(carolLogin);
            for (JsonNode letter : letters.path("latest")) {
                if (letter.path("record").asText().contains(carolLogin)) {
                    assertThat(letter.path("consumer").asText()).isEqualTo("webhook");
                    assertThat(letter.path("reason").asText()).contains("HTTP 400").contains("unsupported event");
                }
            }
            assertThat(receiver.matching(e -> carolLogin.equals(e.path("metadata").path("uid").asText()))).isEmpty();
        } finally {
            receiver.refuseEvents(null);
        }
    }

    private HttpResponse<String> admin(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(BrowserBehindProxy.BASE + "/admin/realms/"
                        + realm.getName() + "/zero-trust" + path))
                .header("Authorization", "Bearer " + adminClient.tokenManager().getAccessTokenString()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long timedLogin(BrowserBehindProxy browser, String username) throws Exception {
        browser.endSession();
        long start = System.nanoTime();
        HtmlPage page = browser.login(realm.getName(), username, username + "-Passw0rd!");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(BrowserBehindProxy.signedIn(page)).as("%s signed in", username).isTrue();
        return millis;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

}
