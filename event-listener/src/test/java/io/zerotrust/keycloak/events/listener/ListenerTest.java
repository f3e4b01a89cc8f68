package io.zerotrust.keycloak.events.listener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;

import io.zerotrust.keycloak.events.Events;
import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;
import io.zerotrust.keycloak.events.anomaly.AnomalyScorerProviderFactory;
import io.zerotrust.keycloak.events.anomaly.FindingAction;
import io.zerotrust.keycloak.events.anomaly.FindingKind;
import io.zerotrust.keycloak.events.anomaly.FindingLevel;
import io.zerotrust.keycloak.events.anomaly.FindingReason;
import io.zerotrust.keycloak.events.outbox.Outbox;
import io.zerotrust.keycloak.events.outbox.OutboxCodec;
import io.zerotrust.keycloak.events.outbox.OutboxDrainer;
import io.zerotrust.keycloak.events.outbox.OutboxHandler;
import io.zerotrust.keycloak.events.outbox.OutboxRecord;
import io.zerotrust.keycloak.events.outbox.OutboxStamp;
import io.zerotrust.keycloak.risk.geo.GeoLocation;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.provider.Spi;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import static org.assertj.core.api.Assertions.assertThat;

class ListenerTest {

    @Test
    void capturesExactlyTheTypesTheOcsfMappingExports() {
        List<String> bases = List.of("LOGIN", "CODE_TO_TOKEN", "REFRESH_TOKEN", "TOKEN_EXCHANGE", "CLIENT_LOGIN", "LOGOUT",
                "UPDATE_PASSWORD", "UPDATE_TOTP", "REMOVE_TOTP", "UPDATE_CREDENTIAL", "REMOVE_CREDENTIAL", "RESET_PASSWORD",
                "SEND_RESET_PASSWORD", "IDENTITY_PROVIDER_LOGIN", "IDENTITY_PROVIDER_FIRST_LOGIN", "IDENTITY_PROVIDER_POST_LOGIN");
        List<EventType> expected = new ArrayList<>();
        for (String base : bases) {
            expected.add(EventType.valueOf(base));
            expected.add(EventType.valueOf(base + "_ERROR"));
        }
        assertThat(EventCapture.CAPTURED).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void capturesAKeycloakEventWithEnrichmentAndHashesTheDeviceId() {
        Event event = new Event();
        event.setId("e1");
        event.setTime(1000L);
        event.setType(EventType.LOGIN);
        event.setRealmId("r1");
        event.setUserId("u1");
        event.setIpAddress("203.0.113.7");
        event.setDetails(Map.of("username", "alice", "zt_device_id", "secret-device", "zt_risk_score", "62",
                "zt_risk_level", "MEDIUM", "zt_risk_reasons", "NEW_COUNTRY, NEW_DEVICE"));
        GeoLocation berlin = new GeoLocation("DE", "Germany", "Berlin", 52.5, 13.4, 10, 64500L, "Example", false,
                false, false, false);

        SecurityEvent captured = EventCapture.of(event.clone(), berlin, "Mozilla/5.0");

        assertThat(captured.username()).isEqualTo("alice");
        assertThat(captured.country()).isEqualTo("DE");
        assertThat(captured.network()).isEqualTo("AS64500");
        assertThat(captured.deviceIdHash()).hasSize(64).isNotEqualTo("secret-device");
        assertThat(captured.details()).doesNotContainKey("zt_device_id");
        assertThat(captured.risk()).isEqualTo(new SecurityEvent.Risk(62, "MEDIUM", List.of("NEW_COUNTRY", "NEW_DEVICE")));
        assertThat(EventCapture.captured(EventType.LOGIN_ERROR)).isTrue();
        assertThat(EventCapture.captured(EventType.INTROSPECT_TOKEN)).isFalse();
    }

    @Test
    void capturesAdminEventsWithoutTheirRepresentation() {
        AdminEvent event = new AdminEvent();
        event.setId("a1");
        event.setRealmId("r1");
        event.setOperationType(OperationType.CREATE);
        event.setResourceType(ResourceType.REALM_ROLE_MAPPING);
        event.setResourcePath("users/u9/role-mappings/realm");
        event.setRepresentation("{\"secret\":\"x\"}");
        AuthDetails auth = new AuthDetails();
        auth.setUserId("admin");
        auth.setIpAddress("198.51.100.1");
        event.setAuthDetails(auth);

        SecurityEvent captured = EventCapture.of(new AdminEvent(event), null);

        assertThat(captured.origin()).isEqualTo(SecurityEvent.Origin.ADMIN);
        assertThat(captured.type()).isEqualTo("CREATE");
        assertThat(captured.userId()).isEqualTo("admin");
        assertThat(captured.details()).containsEntry(SecurityEvent.RESOURCE_TYPE, "REALM_ROLE_MAPPING")
                .doesNotContainValue("{\"secret\":\"x\"}");
    }

    @Test
    void theScorerWritesFindingsInItsCommitAndHandsThemOnAfterIt() {
        AnomalyFinding finding = new AnomalyFinding("f1", 1, "r1", "u-1", null, null, null, FindingKind.UNUSUAL_LOGIN,
                80, FindingLevel.HIGH, List.of(new FindingReason("NEW_COUNTRY", "country BR not seen")));
        List<AnomalyFinding> handled = new ArrayList<>();
        List<SecurityEvent> scored = new ArrayList<>();
        List<AnomalyFinding> stored = new ArrayList<>();
        ScorerHandler handler = new ScorerHandler((session, batch, out) -> {
            scored.addAll(batch);
            out.accept(finding);
        }, new Outbox(Set.of()), (session, f) -> stored.add(f), handled::add);

        OutboxHandler.Outcome outcome = handler.handle(List.of(row("a", OutboxCodec.encode(Events.login().build())),
                row("b", "{not json")));
        assertThat(scored).as("scoring waits for the transaction that marks the batch scored").isEmpty();
        outcome.inCommit().accept(null);

        assertThat(stored).containsExactly(finding);
        assertThat(scored).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo("LOGIN"));
        assertThat(outcome.deadLetters()).containsOnlyKeys("b");
        assertThat(handled).as("actions wait for the commit").isEmpty();
        outcome.afterCommit().run();
        assertThat(handled).containsExactly(finding);
    }

    @Test
    void scoringFailureStillCountsTheBatchAsScored() {
        ScorerHandler handler = new ScorerHandler((session, batch, out) -> {
            throw new IllegalStateException("boom");
        }, new Outbox(Set.of()), (session, f) -> { }, f -> { });
        OutboxHandler.Outcome outcome = handler.handle(List.of(row("a", OutboxCodec.encode(Events.login().build()))));
        outcome.inCommit().accept(null);
        assertThat(outcome.deadLetters()).isEmpty();
    }

    @Test
    void aBatchWhoseTransactionKeepsFailingIsTakenUnscoredAtTheFourthTry() {
        List<Integer> scorings = new ArrayList<>();
        ScorerHandler handler = new ScorerHandler((session, batch, out) -> scorings.add(batch.size()),
                new Outbox(Set.of()), (session, f) -> { }, f -> { });
        List<OutboxRecord> batch = List.of(row("a", OutboxCodec.encode(Events.login().build())));
        for (int attempt = 1; attempt <= 3; attempt++) {
            // the transaction fails: its after-commit never runs
            handler.handle(batch).inCommit().accept(null);
        }
        assertThat(scorings).hasSize(3);
        handler.handle(batch).inCommit().accept(null);
        assertThat(scorings).as("the fourth try leaves the batch unscored").hasSize(3);

        OutboxHandler.Outcome next = handler.handle(List.of(row("b", OutboxCodec.encode(Events.login().build()))));
        next.inCommit().accept(null);
        assertThat(scorings).as("the next batch is scored").hasSize(4);
    }

    @Test
    void anEventSurvivesTheOutboxAndAnOversizedOneKeepsItsIdentity() throws Exception {
        SecurityEvent event = Events.login().build();
        assertThat(OutboxCodec.decode(OutboxCodec.encode(event))).isEqualTo(event);

        SecurityEvent huge = Events.login().details(Map.of("blob", "x".repeat(40_000))).build();
        String encoded = OutboxCodec.encode(huge);
        assertThat(encoded.length()).isLessThanOrEqualTo(OutboxRecord.MAX_PAYLOAD);
        SecurityEvent back = OutboxCodec.decode(encoded);
        assertThat(back.id()).isEqualTo(huge.id());
        assertThat(back.userId()).isEqualTo(huge.userId());
        assertThat(back.details()).containsExactly(Map.entry(OutboxCodec.SHORTENED, "true"));
    }

    @Test
    void writeStampsStrictlyIncreaseWithinAMillisecond() {
        long[] now = {1_000};
        OutboxStamp stamp = new OutboxStamp(() -> now[0]);
        long first = stamp.next();
        long second = stamp.next();
        now[0] = 999; // a clock stepping back keeps the order
        long third = stamp.next();
        assertThat(first).isEqualTo(1_000_000);
        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
    }

    private static OutboxRecord row(String id, String payload) {
        return new OutboxRecord(id, 1, "r1", OutboxRecord.EVENT, payload);
    }

    @Test
    void optionsHaveDefaultsAndFailSecure() {
        PipelineOptions defaults = PipelineOptions.parse(Map.<String, String>of()::get);
        assertThat(defaults.webhook()).isNull();
        assertThat(defaults.drain()).isEqualTo(new OutboxDrainer.Settings(500, 200, 30_000));
        assertThat(defaults.outboxMaxAge()).isEqualTo(java.time.Duration.ofHours(168));
        assertThat(defaults.expiryInterval()).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(PipelineOptions.parse(Map.of(ZeroTrustEventListenerFactory.EXPIRY_INTERVAL_SECONDS, "7200")::get)
                .problems()).containsExactly("option expiry-interval-seconds='7200' is invalid (expected a whole number"
                        + " from 1 to 3600); using the default '3600'");
        assertThat(defaults.actions().get(FindingLevel.MEDIUM)).contains(FindingAction.STEP_UP);
        assertThat(defaults.actions().get(FindingLevel.HIGH)).contains(FindingAction.REVOKE_SESSIONS);
        assertThat(defaults.revokeOfflineSessions()).as("offline sessions are kept unless configured").isFalse();
        assertThat(defaults.problems()).isEmpty();
        // a batch's ids form one IN list, which some databases cap at 1000 entries
        PipelineOptions tooLarge = PipelineOptions.parse(Map.of(ZeroTrustEventListenerFactory.BATCH_SIZE, "5000")::get);
        assertThat(tooLarge.drain().batchSize()).isEqualTo(500);
        assertThat(tooLarge.problems()).containsExactly(
                "option batch-size='5000' is invalid (expected a whole number from 1 to 1000); using the default '500'");
        assertThat(PipelineOptions.parse(Map.of(ZeroTrustEventListenerFactory.BATCH_SIZE, "1000")::get).drain().batchSize())
                .isEqualTo(1000);
        assertThat(PipelineOptions.parse(Map.of(ZeroTrustEventListenerFactory.REVOKE_OFFLINE_SESSIONS, "true")::get)
                .revokeOfflineSessions()).isTrue();
        assertThat(PipelineOptions.parse(Map.of(ZeroTrustEventListenerFactory.REVOKE_OFFLINE_SESSIONS, "yes")::get)
                .problems()).singleElement().asString().contains(ZeroTrustEventListenerFactory.REVOKE_OFFLINE_SESSIONS);
        // a format or fsync policy that is neither of the documented ones is reported, not silently replaced
        assertThat(PipelineOptions.parse(Map.of(ZeroTrustEventListenerFactory.WEBHOOK_FORMAT, "xml",
                ZeroTrustEventListenerFactory.FILE_FSYNC, "always")::get).problems()).containsExactly(
                "option webhook-format='xml' is invalid (expected one of json-array, ndjson); using the default 'json-array'",
                "option file-fsync='always' is invalid (expected one of batch, none); using the default 'batch'");

        PipelineOptions insecure = PipelineOptions.parse(Map.of(
                ZeroTrustEventListenerFactory.WEBHOOK_URL, "http://siem.example.com/in",
                ZeroTrustEventListenerFactory.WEBHOOK_SECRET, "0123456789abcdef",
                ZeroTrustEventListenerFactory.OUTBOX_LEASE_SECONDS, "-5",
                ZeroTrustEventListenerFactory.ACTION_HIGH, "nuke")::get);
        assertThat(insecure.webhook()).isNull();
        assertThat(insecure.drain().leaseMillis()).isEqualTo(30_000);
        assertThat(insecure.problems()).hasSize(3);

        PipelineOptions ok = PipelineOptions.parse(Map.of(
                ZeroTrustEventListenerFactory.WEBHOOK_URL, "https://siem.example.com/in",
                ZeroTrustEventListenerFactory.WEBHOOK_SECRET, "0123456789abcdef",
                ZeroTrustEventListenerFactory.WEBHOOK_FORMAT, "ndjson",
                ZeroTrustEventListenerFactory.MAX_RETRIES, "0")::get);
        assertThat(ok.webhook()).isNotNull();
        assertThat(ok.webhook().maxRetries()).isZero();
        assertThat(ok.problems()).isEmpty();
    }

    @Test
    void providersAreRegistered() {
        assertThat(ServiceLoader.load(Spi.class).stream().map(p -> p.get().getName())).contains("zt-anomaly-scorer");
        assertThat(ServiceLoader.load(AnomalyScorerProviderFactory.class).stream().map(p -> p.get().getId()))
                .containsExactly("default");
        assertThat(ServiceLoader.load(EventListenerProviderFactory.class).stream().map(p -> p.get())
                .filter(f -> f.getId().equals("zt-events"))).singleElement()
                .satisfies(f -> assertThat(f.isGlobal()).isFalse());
        assertThat(ServiceLoader.load(RealmResourceProviderFactory.class).stream().map(p -> p.get().getId()))
                .contains("zt-findings");
    }

    @SuppressWarnings("unused")
    private static Consumer<SecurityEvent> ignore() {
        return e -> { };
    }
}
