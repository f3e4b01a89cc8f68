package io.zerotrust.keycloak.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The risk scenarios again with Keycloak on PostgreSQL, so that the pack's tables, Liquibase changelog, row
 * locking and queries are proven on PostgreSQL as well as on H2. Runs in the surefire execution `postgresql`,
 * which is active where ZT_TEST_POSTGRES_URL (with _USER and _PASSWORD) names a database; .ci/run starts one.
 */
@EnabledIfEnvironmentVariable(named = "KC_TEST_DATABASE", matches = "remote",
        disabledReason = "Runs in the postgresql execution, where ZT_TEST_POSTGRES_URL names a PostgreSQL database")
@KeycloakIntegrationTest(config = ZeroTrustServerConfig.class)
class PostgreSqlStorageTest extends RiskScoringTest {

    /**
     * A database error while the profile is read (here: its table gone) must not poison the login's transaction:
     * on PostgreSQL a failed statement aborts the whole transaction, so the sign-in would end in an error page.
     * It goes on at the fallback level instead, with the device signal unavailable.
     */
    @Test
    void aBrokenProfileTableLeavesTheSignInWorkingAtTheFallbackLevel() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(browser.login(realm.getName(), "grace", "grace-Passw0rd!"))).isTrue();
            browser.endSession();
            try (Connection db = DriverManager.getConnection(System.getenv("KC_TEST_DATABASE_URL"),
                    System.getenv("KC_TEST_DATABASE_USER"), System.getenv("KC_TEST_DATABASE_PASSWORD"))) {
                execute(db, "ALTER TABLE ZT_USER_RISK_PROFILE RENAME TO ZT_USER_RISK_PROFILE_AWAY");
                try {
                    HtmlPage page = browser.login(realm.getName(), "grace", "grace-Passw0rd!");

                    assertThat(BrowserBehindProxy.signedIn(page)).as("signed in, not an error page: %s", page.getUrl()).isTrue();
                } finally {
                    execute(db, "ALTER TABLE ZT_USER_RISK_PROFILE_AWAY RENAME TO ZT_USER_RISK_PROFILE");
                }
            }
            Map<String, String> details = LoginEvents.latest(realm, "grace").getDetails();
            assertThat(details.get("zt_risk_level")).isIn("MEDIUM", "HIGH");
            assertThat(details.get("zt_risk_reasons")).contains("DEVICE_UNAVAILABLE")
                    // read in the same transaction aside as the profile, and again on their own once it failed
                    .doesNotContain("LOGIN_FAILURES_UNAVAILABLE");
        }
    }

    /**
     * The converse: the failure count fails (its table gone) after the profile was read in the same transaction
     * aside. The sign-in goes on with the profile's signals and only login-failures unavailable.
     */
    @Test
    void aBrokenFailureTableLeavesTheProfileRead() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(browser.login(realm.getName(), "grace", "grace-Passw0rd!"))).isTrue();
            browser.endSession();
            try (Connection db = database()) {
                execute(db, "ALTER TABLE ZT_LOGIN_FAILURE RENAME TO ZT_LOGIN_FAILURE_AWAY");
                try {
                    HtmlPage page = browser.login(realm.getName(), "grace", "grace-Passw0rd!");

                    assertThat(BrowserBehindProxy.signedIn(page)).as("signed in, not an error page: %s", page.getUrl()).isTrue();
                } finally {
                    execute(db, "ALTER TABLE ZT_LOGIN_FAILURE_AWAY RENAME TO ZT_LOGIN_FAILURE");
                }
            }
            Map<String, String> details = LoginEvents.latest(realm, "grace").getDetails();
            assertThat(details.get("zt_risk_reasons")).contains("LOGIN_FAILURES_UNAVAILABLE")
                    .doesNotContain("DEVICE_UNAVAILABLE");
        }
    }

    /**
     * A stolen password used at an hour its owner never signs in is judged by the owner's rhythm. Rather than sign in
     * thirty times over a week, the test writes that history into the profile row (as another node's learning
     * would), thirty sign-ins half a week from now; this also proves that a node's last parse of the row is not used
     * once the row holds other text.
     */
    @Test
    void aSignInAtAnHourItsOwnerNeverSignsInIsUnusual() throws Exception {
        String username = "night-" + System.nanoTime();
        RealmUsers.createWithPassword(realm, username);
        String userId = LoginEvents.userId(realm, username);
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(browser.login(realm.getName(), username, username + "-Passw0rd!"))).isTrue();
            browser.endSession();
            ObjectMapper json = new ObjectMapper();
            await("the first sign-in learned").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> storedProfile(userId).isPresent()
                            && json.readTree(storedProfile(userId).get()).path("logins").asLong() == 1);
            ObjectNode profile = (ObjectNode) json.readTree(storedProfile(userId).orElseThrow());
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            int farFromNow = ((now.getDayOfWeek().getValue() - 1) * 24 + now.getHour() + 84) % 168;
            ArrayNode hours = profile.putArray("hourOfWeek");
            for (int hour = 0; hour < 168; hour++) {
                hours.add(hour == farFromNow ? 30 : 0);
            }
            profile.put("logins", 30);
            try (Connection db = database();
                 PreparedStatement update = db.prepareStatement("UPDATE ZT_USER_RISK_PROFILE SET PROFILE_JSON = ? WHERE USER_ID = ?")) {
                update.setString(1, json.writeValueAsString(profile));
                update.setString(2, userId);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }

            HtmlPage page = browser.login(realm.getName(), username, username + "-Passw0rd!");

            assertThat(BrowserBehindProxy.signedIn(page)).as("signed in: %s", page.getUrl()).isTrue();
            assertThat(LoginEvents.latest(realm, username).getDetails().get("zt_risk_reasons"))
                    .contains("TIME_UNUSUAL_HOUR", "DEVICE_KNOWN").doesNotContain("TIME_USUAL_HOUR");
        }
    }

    private static Optional<String> storedProfile(String userId) throws Exception {
        try (Connection db = database();
             PreparedStatement select = db.prepareStatement("SELECT PROFILE_JSON FROM ZT_USER_RISK_PROFILE WHERE USER_ID = ?")) {
            select.setString(1, userId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** The changeSet that widens the profile's user id for federated users (f:provider:id) ran on PostgreSQL. */
    @Test
    void profileUserIdsHoldFederatedIds() throws Exception {
        try (Connection db = DriverManager.getConnection(System.getenv("KC_TEST_DATABASE_URL"),
                System.getenv("KC_TEST_DATABASE_USER"), System.getenv("KC_TEST_DATABASE_PASSWORD"));
             Statement statement = db.createStatement();
             java.sql.ResultSet column = statement.executeQuery("SELECT character_maximum_length FROM information_schema.columns"
                     + " WHERE lower(table_name) = 'zt_user_risk_profile' AND lower(column_name) = 'user_id'")) {
            assertThat(column.next()).isTrue();
            assertThat(column.getInt(1)).isEqualTo(255);
        }
    }

    /** On PostgreSQL each consumer's outbox index holds only the rows waiting for that consumer. */
    @Test
    void eachOutboxIndexHoldsOnlyItsConsumersRows() throws Exception {
        List<String> definitions = new ArrayList<>();
        try (Connection db = database(); Statement statement = db.createStatement();
             ResultSet indexes = statement.executeQuery("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                     + " AND lower(tablename) = 'zt_event_outbox' AND lower(indexname) LIKE 'idx_zt_outbox_%'")) {
            while (indexes.next()) {
                definitions.add(indexes.getString(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        assertThat(definitions).hasSize(4).allSatisfy(definition -> assertThat(definition).containsPattern(
                "\\((to_\\w+), stamp\\) where \\1$"));
    }

    /**
     * A damaged outbox row (here: its JSON cut short, as a faulty tool or disk might leave it), written before a
     * sign-in, is set aside as a dead letter for each consumer with a warning; the events behind it are scored and
     * delivered.
     */
    @Test
    void aDamagedOutboxRowIsSetAsideAndExportStaysOn() throws Exception {
        String broken = "broken-" + System.nanoTime();
        // Stamped now, not long ago: older than outbox-max-age-hours, it would leave the outbox before any sink read it
        long stamp = System.currentTimeMillis() * 1000;
        try (Connection db = database()) {
            execute(db, "INSERT INTO ZT_EVENT_OUTBOX (ID, STAMP, REALM_ID, KIND, PAYLOAD, TO_SCORER, TO_WEBHOOK, TO_FILE,"
                    + " TO_KAFKA) VALUES ('" + broken + "', " + stamp + ", '" + realm.getId() + "', 'event', '{\"id\":\"" + broken
                    + "\",\"type\":\"LOG', true,"
                    + " true, false, false)");
        }
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(browser.login(realm.getName(), "grace", "grace-Passw0rd!"))).isTrue();
        }
        String eventId = LoginEvents.latest(realm, "grace").getId();
        assertThat(WebhookReceiver.get().await(e -> eventId.equals(e.path("metadata").path("uid").asText()), 1,
                Duration.ofSeconds(30))).as("the LOGIN behind the damaged row, delivered").hasSize(1);

        // A batch is marked taken, and its dead letters written, after the sink has it (a pipelined sink marks it
        // with its next round)
        await("the damaged row left the outbox").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> outboxRowsLike(broken) == 0);
        List<String> consumers = new ArrayList<>();
        try (Connection db = database(); Statement statement = db.createStatement()) {
            try (ResultSet letters = statement.executeQuery("SELECT CONSUMER, REASON FROM ZT_EVENT_DEAD_LETTER"
                    + " WHERE PAYLOAD LIKE '%" + broken + "%' ORDER BY CONSUMER")) {
                while (letters.next()) {
                    consumers.add(letters.getString(1));
                    assertThat(letters.getString(2)).startsWith("unreadable outbox row");
                }
            }
        }
        assertThat(consumers).containsExactly("scorer", "webhook");
    }

    /**
     * The drainer reads on from where its last batch began, past the deleted rows below it; a row whose transaction
     * commits long after it was stamped (here: a minute) lies below that. It still arrives: every ten seconds a read
     * starts from the oldest row.
     */
    @Test
    void aRowCommittedLongAfterItWasStampedStillArrives() throws Exception {
        try (BrowserBehindProxy browser = new BrowserBehindProxy(RiskFixtures.BERLIN)) {
            assertThat(BrowserBehindProxy.signedIn(browser.login(realm.getName(), "grace", "grace-Passw0rd!"))).isTrue();
        }
        String loginId = LoginEvents.latest(realm, "grace").getId();
        assertThat(WebhookReceiver.get().await(e -> loginId.equals(e.path("metadata").path("uid").asText()), 1,
                Duration.ofSeconds(30))).as("a LOGIN now, so that the drainer has read past a minute ago").hasSize(1);

        String late = "late-" + System.nanoTime();
        long minuteAgo = System.currentTimeMillis() - 60_000;
        try (Connection db = database()) {
            execute(db, "INSERT INTO ZT_EVENT_OUTBOX (ID, STAMP, REALM_ID, KIND, PAYLOAD, TO_SCORER, TO_WEBHOOK, TO_FILE,"
                    + " TO_KAFKA) VALUES ('" + late + "', " + minuteAgo * 1000 + ", '" + realm.getId() + "', 'event',"
                    + " '" + loginPayload(realm.admin().toRepresentation(), late, minuteAgo, "late-user") + "', false, true, false, false)");
        }
        assertThat(WebhookReceiver.get().await(e -> late.equals(e.path("metadata").path("uid").asText()), 1,
                Duration.ofSeconds(30))).as("the row stamped a minute before it was committed, delivered").hasSize(1);
    }

    /**
     * A record no configured sink takes (here: one for the file sink, which this server does not have, as if the sink
     * had been removed from the configuration) leaves the outbox once older than outbox-max-age-hours (168), logged
     * and counted, so that it cannot fill the database. One an hour younger than that stays.
     */
    @Test
    void aRecordNoSinkTakesLeavesTheOutboxOnceTooOld() throws Exception {
        String expired = "expired-" + System.nanoTime();
        String young = "young-" + System.nanoTime();
        long now = System.currentTimeMillis();
        RealmRepresentation ourRealm = realm.admin().toRepresentation();
        try (Connection db = database(); PreparedStatement insert = db.prepareStatement("INSERT INTO ZT_EVENT_OUTBOX (ID,"
                + " STAMP, REALM_ID, KIND, PAYLOAD, TO_SCORER, TO_WEBHOOK, TO_FILE, TO_KAFKA) VALUES (?, ?, ?, 'event', ?,"
                + " false, false, true, false)")) {
            for (String id : List.of(expired, young)) {
                long stamp = now - Duration.ofHours(id.equals(expired) ? 169 : 167).toMillis();
                insert.setString(1, id);
                insert.setLong(2, stamp * 1000);
                insert.setString(3, ourRealm.getId());
                insert.setString(4, loginPayload(ourRealm, id, stamp, "expiry-user"));
                insert.executeUpdate();
            }
        }
        try {
            await("the record past its age left the outbox").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).until(() -> outboxRowsLike(expired) == 0);

            assertThat(outboxRowsLike(young)).as("the record not yet 168 hours old").isEqualTo(1);
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:9000/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).containsPattern("zt_events_dropped_total\\{[^}]*reason=\"outbox_expired\"[^}]*\\} [1-9]");
        } finally {
            try (Connection db = database()) {
                execute(db, "DELETE FROM ZT_EVENT_OUTBOX WHERE ID = '" + young + "'");
            }
        }
    }

    /**
     * A backlog of several batches, each with the sink while the next is read, reaches the webhook once per row, in
     * the order it was written, and leaves the outbox: a read must leave out the batch with the sink, and marking it
     * taken covers every row of it.
     */
    @Test
    void aBacklogOfSeveralBatchesArrivesOnceEachInOrder() throws Exception {
        int rows = 3 * 500 + 7;
        String prefix = "backlog-" + System.nanoTime() + "-";
        long now = System.currentTimeMillis();
        // Read once: through ManagedRealm for each row, the backlog took half a minute to write
        RealmRepresentation ourRealm = realm.admin().toRepresentation();
        try (Connection db = database()) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO ZT_EVENT_OUTBOX (ID, STAMP, REALM_ID, KIND,"
                    + " PAYLOAD, TO_SCORER, TO_WEBHOOK, TO_FILE, TO_KAFKA) VALUES (?, ?, ?, 'event', ?, false, true,"
                    + " false, false)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setString(1, prefix + i);
                    insert.setLong(2, now * 1000 + i);
                    insert.setString(3, ourRealm.getId());
                    insert.setString(4, loginPayload(ourRealm, prefix + i, now + i, "backlog-user-" + i % 7));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            db.commit();
        }
        Predicate<JsonNode> ours = e -> e.path("metadata").path("uid").asText().startsWith(prefix);
        assertThat(WebhookReceiver.get().await(ours, rows, Duration.ofSeconds(60))).hasSizeGreaterThanOrEqualTo(rows);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(outboxRowsLike(prefix + "%")).isZero());

        List<Long> times = WebhookReceiver.get().matching(ours).stream().map(e -> e.path("time").asLong()).toList();
        assertThat(times).as("each row once, oldest first").hasSize(rows).isSorted().doesNotHaveDuplicates();
    }

    /** A LOGIN as the outbox holds it, for rows this test writes itself. */
    private static String loginPayload(RealmRepresentation realm, String id, long time, String userId) {
        return "{\"id\":\"" + id + "\",\"time\":" + time + ",\"realmId\":\"" + realm.getId() + "\",\"realmName\":\""
                + realm.getRealm() + "\",\"origin\":\"USER\",\"type\":\"LOGIN\",\"userId\":\"" + userId
                + "\",\"username\":\"" + userId + "\",\"ip\":\"192.0.2.7\",\"details\":{}}";
    }

    /** Outbox rows whose id is like {@code pattern} (an id without % or _ is itself). */
    private int outboxRowsLike(String pattern) throws Exception {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "SELECT count(*) FROM ZT_EVENT_OUTBOX WHERE ID LIKE ?")) {
            query.setString(1, pattern);
            try (ResultSet left = query.executeQuery()) {
                left.next();
                return left.getInt(1);
            }
        }
    }

    /**
     * Findings are bounded per realm: with the realm's table full (1000 findings of the last hour) a new one, raised
     * by failures across accounts from one address, pushes the realm's oldest out and never another realm's.
     */
    @Test
    void aRealmsFindingsAreCappedWithoutTouchingAnotherRealms() throws Exception {
        long now = System.currentTimeMillis();
        // Read once, not for each row (as in the backlog test)
        RealmRepresentation ourRealm = realm.admin().toRepresentation();
        try (Connection db = database()) {
            db.setAutoCommit(false);
            try (java.sql.PreparedStatement insert = db.prepareStatement("INSERT INTO ZT_FINDING (ID, REALM_ID,"
                    + " CREATED_AT, FINDING, JUDGED_AT) VALUES (?, ?, ?, ?, 0)")) {
                for (int i = 0; i < 1005; i++) {
                    boolean other = i >= 1000;
                    String id = (other ? "other-" : "old-") + i;
                    insert.setString(1, id);
                    insert.setString(2, other ? "another-realm" : ourRealm.getId());
                    insert.setLong(3, now - 3_600_000 + i);
                    insert.setString(4, "{\"id\":\"" + id + "\",\"time\":1,\"kind\":\"PASSWORD_SPRAY\",\"score\":50,"
                            + "\"level\":\"MEDIUM\",\"reasons\":[{\"code\":\"SYNTHETIC\",\"text\":\"test row\"}]}");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            db.commit();
        }
        try (BrowserBehindProxy sprayer = new BrowserBehindProxy(CAPPED_SOURCE)) {
            for (int i = 1; i <= 6; i++) {
                sprayer.endSession();
                assertThat(BrowserBehindProxy.signedIn(sprayer.login(realm.getName(), "nobody-" + i, "Autumn2026!"))).isFalse();
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count("SELECT count(*) FROM ZT_FINDING WHERE ID = 'old-0'") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(count("SELECT count(*) FROM ZT_FINDING WHERE ID = 'old-0'")).as("the realm's oldest pushed out").isZero();
        assertThat(count("SELECT count(*) FROM ZT_FINDING WHERE REALM_ID = '" + realm.getId() + "'")).isEqualTo(1000);
        assertThat(count("SELECT count(*) FROM ZT_FINDING WHERE REALM_ID = '" + realm.getId() + "' AND ID NOT LIKE 'old-%'"))
                .as("the new finding is kept").isPositive();
        assertThat(count("SELECT count(*) FROM ZT_FINDING WHERE REALM_ID = 'another-realm'")).isEqualTo(5);
        try (Connection db = database()) {
            execute(db, "DELETE FROM ZT_FINDING WHERE ID LIKE 'old-%' OR REALM_ID = 'another-realm'");
        }
    }

    /** Not placed by the GeoIP fixtures, and used by no other test. */
    private static final String CAPPED_SOURCE = "192.88.99.55";

    private static int count(String sql) throws Exception {
        try (Connection db = database(); Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(System.getenv("KC_TEST_DATABASE_URL"), System.getenv("KC_TEST_DATABASE_USER"),
                System.getenv("KC_TEST_DATABASE_PASSWORD"));
    }

    private static void execute(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
