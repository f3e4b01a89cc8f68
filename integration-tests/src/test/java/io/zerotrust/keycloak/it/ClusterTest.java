package io.zerotrust.keycloak.it;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserSessionRepresentation;
import org.keycloak.util.JsonSerialization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pack on a two-node Keycloak cluster ({@link KeycloakCluster}) sharing one PostgreSQL database, with the
 * step-up realm (zt-stepup-realm.json: the code at MEDIUM, then zt-trusted-device) imported through node 1. One
 * browser goes to either node, as a load balancer would send it (the nodes share the host name, so the browser's
 * cookies reach both): what the pack learns, trusts, marks or counts on one node must count on the other.
 * Runs in the surefire execution `cluster`, where ZT_TEST_POSTGRES_URL (with _USER and _PASSWORD) names a database.
 */
@EnabledIfEnvironmentVariable(named = KeycloakCluster.DATABASE_URL, matches = ".+",
        disabledReason = "Runs in the cluster execution, where ZT_TEST_POSTGRES_URL names a PostgreSQL database")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

    private static final String REALM = "zt-stepup";
    private static final String CLIENT = TrustedDeviceTest.CLIENT;
    private static final Duration ASYNC = Duration.ofSeconds(30);
    /** Not placed by the GeoIP fixtures (as in SourceAbuseTest), and used by no other test class. */
    private static final String SPRAYER = "192.88.99.21";
    /** Accounts failed from {@link #SPRAYER}, alternating nodes: each node alone sees fewer than spray-distinct-users (5). */
    private static final int SPRAYED = 6;

    /** Sign-ins of tess's that node 1 scores before it is killed: the scorer's min-history (5) and one more. */
    private static final int LEARNED = 6;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static KeycloakCluster cluster;
    private static KeycloakNode node1;
    private static KeycloakNode node2;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = KeycloakCluster.start();
        node1 = cluster.node(1);
        node2 = cluster.node(2);
        importRealm("/zt-stepup-realm.json");
        importRealm("/zt-access-realm.json");
    }

    /** Imports a test realm through node 1, its clients redirecting to either node's account page. */
    private static void importRealm(String resource) throws Exception {
        RealmRepresentation realm;
        try (InputStream json = ClusterTest.class.getResourceAsStream(resource)) {
            realm = JsonSerialization.readValue(json, RealmRepresentation.class);
        }
        for (ClientRepresentation client : realm.getClients()) {
            if (client.getRedirectUris() != null) {
                List<String> uris = new ArrayList<>();
                for (String uri : client.getRedirectUris()) {
                    uris.add(uri.replace(BrowserBehindProxy.BASE, node1.base()));
                    uris.add(uri.replace(BrowserBehindProxy.BASE, node2.base()));
                }
                client.setRedirectUris(uris);
            }
        }
        node1.admin().realms().create(realm);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theNodesFormOneClusterAndASessionStartedOnOneIsKnownToTheOther() throws Exception {
        Pattern twoMembers = Pattern.compile("ISPN000094: Received new cluster view for channel ISPN: \\[[^]]*\\] \\(2\\)");
        long deadline = System.nanoTime() + ASYNC.toNanos();
        while (!twoMembers.matcher(node1.logText()).find() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(twoMembers.matcher(node1.logText()).find()).as("a cluster view of two members in %s", node1.log()).isTrue();

        try (BrowserBehindProxy browser = new BrowserBehindProxy(node1.base(), RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(signIn(browser, "sara"))).as("sara on node 1").isTrue();

            String userId = LoginEvents.userId(realm(node2), "sara");
            List<UserSessionRepresentation> sessions = realm(node2).users().get(userId).getUserSessions();
            assertThat(sessions).as("sara's sessions through node 2's admin API").singleElement()
                    .satisfies(s -> assertThat(s.getIpAddress()).isEqualTo(RiskFixtures.BERLIN));

            // (Its SSO cookie does not sign it in on node 2 here: the nodes' different ports make different issuers,
            // where behind a load balancer they would share one host name.)
        }
    }

    @Test
    void aProfileLearnedOnOneNodeCountsOnTheOther() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(node1.base(), RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(signIn(browser, "paul"))).as("paul from Berlin on node 1").isTrue();
            assertThat(BrowserBehindProxy.signedIn(signIn(browser, "paul"))).as("again on node 1").isTrue();

            HtmlPage onNode2 = signIn(browser.at(node2.base()), "paul");
            assertThat(BrowserBehindProxy.signedIn(onNode2)).as("straight in on node 2: %s", onNode2.getUrl()).isTrue();
            Map<String, String> details = LoginEvents.latest(realm(node2), "paul").getDetails();
            assertThat(details).containsEntry("zt_risk_level", "LOW");
            assertThat(details.get("zt_risk_reasons")).contains("DEVICE_KNOWN").contains("GEO_KNOWN_CITY");
        }
    }

    @Test
    void aDeviceTrustedAndAMarkSetOnOneNodeCountOnTheOther() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(node1.base(), RiskFixtures.BERLIN)) {
            // Settled on node 1: Berlin, then Vienna with the code, where she trusts this browser
            assertThat(BrowserBehindProxy.signedIn(signIn(browser, "uma"))).isTrue();
            HtmlPage trust = TrustedDeviceTest.submitCode(signIn(browser.from(RiskFixtures.VIENNA), "uma"), "uma");
            assertThat(trust.getElementById("zt-trust-yes")).as("trust offer: %s", trust.asNormalizedText()).isNotNull();
            assertThat(BrowserBehindProxy.signedIn(trust.getHtmlElementById("zt-trust-yes").click())).isTrue();

            // The trusted device counts on node 2: Zurich, a new country, is straight in
            HtmlPage zurich = signIn(browser.at(node2.base()).from(RiskFixtures.ZURICH), "uma");
            assertThat(BrowserBehindProxy.signedIn(zurich)).as("straight in from Zurich on node 2: %s", zurich.asNormalizedText()).isTrue();
            Map<String, String> trusted = LoginEvents.latest(realm(node2), "uma").getDetails();
            assertThat(trusted).containsEntry("zt_risk_level", "LOW");
            assertThat(trusted.get("zt_risk_reasons")).contains("DEVICE_TRUSTED").contains("GEO_NEW_COUNTRY");

            // Back in Vienna (Berlin is out of reach from Zurich so soon), on node 1: her session's refresh token used
            // from Tokyo is a token-theft finding that marks her
            HtmlPage home = signIn(browser.at(node1.base()).from(RiskFixtures.VIENNA), "uma");
            assertThat(BrowserBehindProxy.signedIn(home)).as("straight in from Vienna on node 1: %s", home.asNormalizedText()).isTrue();
            String refreshToken = OidcTokens.redeemAt(node1.base(), REALM, CLIENT, BrowserBehindProxy.code(home), RiskFixtures.VIENNA)
                    .path("refresh_token").asText();
            var stolen = OidcTokens.postTo(node1.base(), REALM, Map.of("grant_type", "refresh_token", "client_id", CLIENT,
                    "refresh_token", refreshToken), RiskFixtures.TOKYO);
            assertThat(stolen.statusCode()).as("refresh from Tokyo: %s", stolen.body()).isEqualTo(200);

            // The mark counts on node 2 (which has her cached from the Zurich sign-in): in Vienna, the code is asked
            browser.at(node2.base());
            HtmlPage marked = StepUpMarkTest.untilTheCodeIsAsked(() -> signIn(browser, "uma"), ASYNC);
            assertThat(marked.getElementById("otp")).as("code asked on node 2 of a user marked on node 1: %s",
                    marked.asNormalizedText()).isNotNull();
            HtmlPage afterCode = TrustedDeviceTest.submitCode(marked, "uma");
            assertThat(BrowserBehindProxy.signedIn(afterCode)).as("signed in after the code: %s", afterCode.getUrl()).isTrue();
            Map<String, String> stepUp = LoginEvents.latest(realm(node2), "uma").getDetails();
            assertThat(stepUp).containsEntry("zt_risk_level", "MEDIUM");
            assertThat(stepUp.get("zt_risk_reasons")).contains("ANOMALY_FLAGGED").contains("DEVICE_TRUSTED");
        }
    }

    @Test
    void failuresFromOneAddressAcrossBothNodesAreJudgedAsOneSource() throws Exception {
        try (BrowserBehindProxy sprayer = new BrowserBehindProxy(node1.base(), SPRAYER)) {
            for (int i = 1; i <= SPRAYED; i++) {
                String username = "cluster-spray" + i;
                RealmUsers.createWithPassword(realm(node1), username);
                sprayer.at((i % 2 == 1 ? node1 : node2).base()).endSession();
                assertThat(BrowserBehindProxy.signedIn(sprayer.login(REALM, username, "Autumn2026!"))).isFalse();
            }
        }
        // Whoever signs in next from that address, on either node, is stepped up for the source
        for (KeycloakNode node : List.of(node1, node2)) {
            String username = node == node1 ? "fred" : "rosa";
            try (BrowserBehindProxy browser = new BrowserBehindProxy(node.base(), SPRAYER)) {
                HtmlPage page = signIn(browser, username);
                assertThat(BrowserBehindProxy.signedIn(page)).as("%s from the sprayed address on %s: %s", username, node.base(),
                        page.asNormalizedText()).isFalse();
                if (page.getElementById("otp") != null) {
                    TrustedDeviceTest.submitCode(page, username);
                }
            }
            String userId = LoginEvents.userId(realm(node), username);
            EventRepresentation event = realm(node).getEvents(List.of("LOGIN", "LOGIN_ERROR"), null, userId, null, null,
                    null, 0, 1).get(0);
            assertThat(event.getIpAddress()).isEqualTo(SPRAYER);
            assertThat(event.getDetails().get("zt_risk_level")).as("%s on %s: %s", username, node.base(), event.getDetails())
                    .isIn("MEDIUM", "HIGH");
            assertThat(event.getDetails().get("zt_risk_reasons")).containsAnyOf("PASSWORD_SPRAY_IP", "CREDENTIAL_STUFFING_IP");
        }
    }

    /**
     * A refresh token of erin's, stolen and used from Tokyo through node 1, is a token-theft finding. It is listed
     * on node 2, judged there by an analyst, and the verdict is what node 1 lists; the revocation it caused ended her
     * session for the whole cluster.
     */
    @Test
    void aFindingRaisedOnOneNodeIsListedAndJudgedOnTheOther() throws Exception {
        String userId = LoginEvents.userId(realm(node1), "erin");
        try (BrowserBehindProxy browser = new BrowserBehindProxy(node1.base(), RiskFixtures.BERLIN)) {
            HtmlPage home = signIn(browser, "erin");
            if (home.getElementById("otp") != null) {
                home = TrustedDeviceTest.submitCode(home, "erin");
            }
            if (home.getElementById("zt-trust-no") != null) {
                home = home.getHtmlElementById("zt-trust-no").click();
            }
            String refreshToken = OidcTokens.redeemAt(node1.base(), REALM, CLIENT, BrowserBehindProxy.code(home),
                    RiskFixtures.BERLIN).path("refresh_token").asText();
            var stolen = OidcTokens.postTo(node1.base(), REALM, Map.of("grant_type", "refresh_token", "client_id", CLIENT,
                    "refresh_token", refreshToken), RiskFixtures.TOKYO);
            assertThat(stolen.statusCode()).as("refresh from Tokyo: %s", stolen.body()).isEqualTo(200);
        }

        String onNode2 = analystToken(node2);
        JsonNode finding = awaitFinding(node2, onNode2, userId);
        assertThat(finding.path("kind").asText()).isEqualTo("TOKEN_THEFT");
        var judged = findingsCall(node2, onNode2, "/" + finding.path("id").asText() + "/feedback",
                "{\"verdict\":\"true_positive\",\"note\":\"judged on node 2\"}");
        assertThat(judged.statusCode()).as(judged.body()).isEqualTo(200);

        JsonNode onNode1 = null;
        for (JsonNode f : JSON.readTree(findingsCall(node1, analystToken(node1), "", null).body())) {
            if (finding.path("id").asText().equals(f.path("id").asText())) {
                onNode1 = f;
            }
        }
        assertThat(onNode1).as("the finding, listed by node 1").isNotNull();
        assertThat(onNode1.path("feedback").path("verdict").asText()).isEqualTo("true_positive");
        assertThat(onNode1.path("feedback").path("note").asText()).isEqualTo("judged on node 2");
        assertThat(realm(node2).users().get(userId).getUserSessions())
                .as("erin's sessions, as node 2 sees them after the revocation node 1 carried out").isEmpty();
    }

    /**
     * A one-minute activation of dana's on node 1 ends once, though both nodes run the expiry task every two
     * seconds: one EXPIRED record (by id; the webhook may see a record twice) and one node that logged it.
     */
    @Test
    void anActivationExpiresOnceThoughBothNodesRunTheExpiry() throws Exception {
        String realmName = "zt-access";
        AccessApi api = new AccessApi(node1.base(), realmName);
        try (BrowserBehindProxy browser = new BrowserBehindProxy(node1.base(), RiskFixtures.BERLIN)) {
            HtmlPage stepped = PrivilegedAccessTest.stepUp(browser, "dana");
            String token = OidcTokens.redeemAt(node1.base(), realmName, CLIENT, BrowserBehindProxy.code(stepped),
                    RiskFixtures.BERLIN).path("access_token").asText();
            AccessApi.Answer active = api.post(token, "requests", Map.of("eligibilityId",
                    api.eligibilityId(token, "deploy-production"), "justification", "cluster drill", "minutes", 1));
            assertThat(active.status()).as("%s", active.body()).isEqualTo(201);
            String requestId = active.body().path("id").asText();
            String userId = node2.admin().realm(realmName).users().searchByUsername("dana", true).get(0).getId();
            assertThat(node2.admin().realm(realmName).users().get(userId).roles().realmLevel().listAll())
                    .as("the activation's role mapping, seen through node 2").extracting(r -> r.getName())
                    .contains("deploy-production");

            java.util.function.Predicate<JsonNode> expiry = e -> requestId.equals(e.at("/unmapped/keycloak/details/request_id").asText())
                    && "ZT_ROLE_EXPIRED".equals(e.at("/unmapped/keycloak/type").asText());
            assertThat(WebhookReceiver.get().await(expiry, 1, Duration.ofSeconds(120))).as("the expiry").isNotEmpty();
            // both nodes keep running the task every 2 s: give them several more turns to expire it again
            String logged = "ZT_ROLE_EXPIRED realm=" + realmName + " user=dana";
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(occurrences(node1.logText() + node2.logText(), logged)).as("expiries logged").isEqualTo(1);
                Thread.sleep(500);
            }
            assertThat(WebhookReceiver.get().matching(expiry).stream().map(e -> e.at("/metadata/uid").asText()).distinct())
                    .as("distinct EXPIRED records").hasSize(1);
            assertThat(node1.admin().realm(realmName).users().get(userId).roles().realmLevel().listAll())
                    .extracting(r -> r.getName()).doesNotContain("deploy-production");
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static String analystToken(KeycloakNode node) throws Exception {
        var response = OidcTokens.postTo(node.base(), REALM, Map.of("grant_type", "password", "client_id", "zt-soc",
                "username", "sam", "password", "sam-Passw0rd!"), "127.0.0.1");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static JsonNode awaitFinding(KeycloakNode node, String bearer, String userId) throws Exception {
        long deadline = System.nanoTime() + ASYNC.toNanos();
        while (System.nanoTime() < deadline) {
            var list = findingsCall(node, bearer, "", null);
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            for (JsonNode f : JSON.readTree(list.body())) {
                if (userId.equals(f.path("userId").asText())) {
                    return f;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no finding about " + userId + " on " + node.base());
    }

    private static HttpResponse<String> findingsCall(KeycloakNode node, String bearer, String path, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.base() + "/realms/" + REALM + "/zt-findings" + path))
                .header("Authorization", "Bearer " + bearer);
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Node 1, which drains the outbox (it started first), is killed with SIGKILL while it signs a user in again and
     * again, and while the SOC's receiver is down, so that it dies with committed events not yet delivered. Each
     * sign-in's LOGIN event was written to the outbox in the sign-in's own transaction: node 2 takes the webhook
     * over when node 1's lease runs out and delivers every LOGIN the database holds, which is at least every
     * sign-in node 1 answered. Runs last: node 1 stays dead.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void aNodeKilledDuringSignInsLosesNoCommittedEvent() throws Exception {
        WebhookReceiver receiver = WebhookReceiver.get();
        String username = "tess";
        // First a history for the scorer, scored by node 1 alone (see the next test)
        try (BrowserBehindProxy browser = new BrowserBehindProxy(node1.base(), RiskFixtures.BERLIN)) {
            for (int i = 0; i < LEARNED; i++) {
                assertThat(BrowserBehindProxy.signedIn(signInTrusting(browser, username))).as("tess, sign-in %d", i).isTrue();
            }
        }
        assertThat(pipeline(node1)).as("node 1 scores").containsEntry("scorer-state", "up");
        long scored = System.nanoTime() + ASYNC.toNanos();
        while (!"0".equals(pipeline(node1).get("scorer-backlog")) && System.nanoTime() < scored) {
            Thread.sleep(100);
        }
        assertThat(pipeline(node1)).as("node 1 scored tess's sign-ins").containsEntry("scorer-backlog", "0");
        AtomicInteger answered = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        receiver.setDown(true);
        Thread signIns = new Thread(() -> {
            try (BrowserBehindProxy browser = new BrowserBehindProxy(node1.base(), RiskFixtures.BERLIN)) {
                while (!stop.get()) {
                    if (BrowserBehindProxy.signedIn(signInTrusting(browser, username))) {
                        answered.incrementAndGet();
                    }
                }
            } catch (Exception dead) {
                // node 1 is gone mid-sign-in
            }
        }, "sign-ins-on-node1");
        List<String> delivered;
        List<String> stored = new ArrayList<>();
        try {
            signIns.start();
            long deadline = System.nanoTime() + ASYNC.toNanos();
            while (answered.get() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(answered.get()).as("sign-ins answered by node 1").isGreaterThanOrEqualTo(5);
            node1.kill();
            stop.set(true);
            signIns.join(ASYNC.toMillis());
        } finally {
            stop.set(true);
            receiver.setDown(false);
        }
        String userId = LoginEvents.userId(realm(node2), username);
        for (EventRepresentation event : realm(node2).getEvents(List.of("LOGIN"), null, userId, null, null, null, 0, 1000)) {
            stored.add(event.getId());
        }
        assertThat(stored).as("LOGIN events node 1 committed").hasSizeGreaterThanOrEqualTo(answered.get());

        Duration takeover = ASYNC.plusSeconds(KeycloakCluster.LEASE_SECONDS);
        delivered = receiver.await(e -> stored.contains(e.path("metadata").path("uid").asText()), stored.size(), takeover)
                .stream().map(e -> e.path("metadata").path("uid").asText()).distinct().toList();
        assertThat(delivered).as("every committed LOGIN delivered (by id, duplicates allowed) after node 1 died")
                .containsExactlyInAnyOrderElementsOf(stored);
    }

    /**
     * The scorer learned tess's sign-ins from Berlin on node 1, which then died. Node 2, now scoring, remembers them:
     * her sign-in from Vienna (on a device she trusted from Berlin, so a step-up and not a refusal) is an unusual
     * sign-in against all of them, not the cold start of a scorer that knew only what it saw itself. Runs after
     * node 1 was killed.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void theScorerOnTheSurvivingNodeRemembersWhatTheDeadOneLearned() throws Exception {
        String userId = LoginEvents.userId(realm(node2), "tess");
        int learned;
        try (BrowserBehindProxy browser = new BrowserBehindProxy(node2.base(), RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(signInTrusting(browser, "tess"))).as("tess from Berlin on node 2").isTrue();
            learned = realm(node2).getEvents(List.of("LOGIN"), null, userId, null, null, null, 0, 1000).size();
            assertThat(learned).as("tess's sign-ins before").isGreaterThan(LEARNED);
            HtmlPage vienna = signInTrusting(browser.from(RiskFixtures.VIENNA), "tess");
            assertThat(BrowserBehindProxy.signedIn(vienna)).as("tess from Vienna: %s", vienna.asNormalizedText()).isTrue();
        }
        String bearer = analystToken(node2);
        JsonNode unusual = null;
        long deadline = System.nanoTime() + ASYNC.plusSeconds(KeycloakCluster.LEASE_SECONDS).toNanos();
        while (unusual == null && System.nanoTime() < deadline) {
            for (JsonNode f : JSON.readTree(findingsCall(node2, bearer, "", null).body())) {
                if (userId.equals(f.path("userId").asText()) && "UNUSUAL_LOGIN".equals(f.path("kind").asText())) {
                    unusual = f;
                }
            }
            Thread.sleep(250);
        }
        assertThat(unusual).as("an unusual-sign-in finding about tess, scored by node 2").isNotNull();
        assertThat(unusual.toString()).contains("NEW_COUNTRY").contains("NEW_NETWORK")
                .contains("not seen in " + learned + " sign-ins of this user");
    }

    /** Signs in, answering the code and trusting the device when asked. */
    private static HtmlPage signInTrusting(BrowserBehindProxy browser, String username) throws Exception {
        HtmlPage page = signIn(browser, username);
        if (page.getElementById("otp") != null) {
            page = TrustedDeviceTest.submitCode(page, username);
        }
        if (page.getElementById("zt-trust-yes") != null) {
            page = page.getHtmlElementById("zt-trust-yes").click();
        }
        return page;
    }

    private static Map<String, String> pipeline(KeycloakNode node) {
        return node.admin().serverInfo().getInfo().getProviders().get("eventsListener").getProviders().get("zt-events")
                .getOperationalInfo();
    }

    private static RealmResource realm(KeycloakNode node) {
        return node.admin().realm(REALM);
    }

    /** A fresh sign-in of the step-up realm's app, keeping the device cookie. */
    private static HtmlPage signIn(BrowserBehindProxy browser, String username) throws Exception {
        browser.endSession();
        HtmlPage form = browser.authorize(REALM, CLIENT, null);
        return BrowserBehindProxy.submitPassword(form, username, username + "-Passw0rd!");
    }
}
