package io.zerotrust.keycloak.events.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;

import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;
import io.zerotrust.keycloak.events.anomaly.FindingKind;
import io.zerotrust.keycloak.events.anomaly.FindingLevel;
import io.zerotrust.keycloak.events.anomaly.FindingReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedbackServiceTest {

    private final MemoryFindings findings = new MemoryFindings(3);
    private final FeedbackService service = new FeedbackService(findings,
            Clock.fixed(Instant.ofEpochMilli(42_000), ZoneOffset.UTC));
    private final Analyst analyst = new Analyst(true, true, "soc-1");
    private final List<AnomalyFinding> learned = new ArrayList<>();
    private final List<FindingStore.Entry> audited = new ArrayList<>();
    private final FeedbackService.Effects effects = new FeedbackService.Effects() {
        @Override
        public Map<String, Object> falsePositive(AnomalyFinding finding) {
            learned.add(finding);
            return Map.of("stepUpMarkLifted", true, "taught", Map.of("country", "BR"));
        }

        @Override
        public void audit(FindingStore.Entry judged) {
            audited.add(judged);
        }
    };

    private static AnomalyFinding finding(String id, String realm) {
        return new AnomalyFinding(id, 1, realm, "u-1", null, "203.0.113.7", null, FindingKind.UNUSUAL_LOGIN, 60,
                FindingLevel.MEDIUM, List.of(new FindingReason("NEW_COUNTRY", "country BR not seen")));
    }

    @Test
    void statusCodes() {
        findings.add(finding("f1", "r1"));
        assertThat(service.feedback(Analyst.ANONYMOUS, "r1", "f1", "{}", effects).status()).isEqualTo(401);
        assertThat(service.feedback(new Analyst(true, false, "u"), "r1", "f1", "{}", effects).status()).isEqualTo(403);
        assertThat(service.feedback(analyst, "r1", "nope", "{\"verdict\":\"true_positive\"}", effects).status())
                .isEqualTo(404);
        assertThat(service.feedback(analyst, "r2", "f1", "{\"verdict\":\"true_positive\"}", effects).status())
                .as("another realm's finding").isEqualTo(404);
        assertThat(service.feedback(analyst, "r1", "f1", "{\"verdict\":\"maybe\"}", effects).status()).isEqualTo(400);
        assertThat(service.feedback(analyst, "r1", "f1", "not json", effects).status()).isEqualTo(400);
        assertThat(service.feedback(analyst, "r1", "f1", "{\"verdict\":\"true_positive\",\"note\":5}", effects)
                .status()).isEqualTo(400);
        assertThat(service.list(Analyst.ANONYMOUS, "r1").status()).isEqualTo(401);
        assertThat(learned).isEmpty();
        assertThat(audited).as("nothing was judged").isEmpty();
    }

    @Test
    void falsePositiveIsRecordedAndTaughtTruePositiveIsNot() {
        findings.add(finding("f1", "r1"));
        findings.add(finding("f2", "r1"));

        FeedbackService.Reply reply = service.feedback(analyst, "r1", "f1",
                "{\"verdict\":\"false_positive\",\"note\":\"travelling\"}", effects);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().at("/feedback/verdict").asText()).isEqualTo("false_positive");
        assertThat(reply.body().at("/feedback/analyst").asText()).isEqualTo("soc-1");
        assertThat(learned).extracting(AnomalyFinding::id).containsExactly("f1");
        assertThat(reply.body().at("/effects/stepUpMarkLifted").asBoolean()).isTrue();
        assertThat(reply.body().at("/effects/taught/country").asText()).isEqualTo("BR");
        assertThat(reply.body().at("/feedback/time").asLong()).isEqualTo(42_000);

        assertThat(service.feedback(analyst, "r1", "f2", "{\"verdict\":\"true_positive\"}", effects).status())
                .isEqualTo(200);
        assertThat(learned).hasSize(1);
        assertThat(audited).extracting(e -> e.finding().id() + " " + e.verdict() + " " + e.analyst() + " " + e.judgedAt())
                .containsExactly("f1 FALSE_POSITIVE soc-1 42000", "f2 TRUE_POSITIVE soc-1 42000");

        FeedbackService.Reply list = service.list(analyst, "r1");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).hasSize(2);
        assertThat(list.body().get(0).get("id").asText()).isEqualTo("f2");
        assertThat(list.body().get(1).at("/feedback/note").asText()).isEqualTo("travelling");
    }

    @Test
    void keepsOnlyTheMostRecentPerRealm() {
        findings.add(finding("mine", "r1"));
        for (int i = 0; i < 5; i++) {
            findings.add(finding("f" + i, "r2"));
        }
        assertThat(findings.get("r2", "f0")).isNull();
        assertThat(findings.list("r2", 10)).extracting(e -> e.finding().id()).containsExactly("f4", "f3", "f2");
        assertThat(findings.get("r1", "mine")).as("another realm's flood evicts nothing of r1").isNotNull();
        assertThat(findings.list("r1", 10)).hasSize(1);
    }

    @Test
    void aFindingEvictedBeforeItsVerdictIsNotFound() {
        findings.add(finding("f1", "r1"));
        assertThat(service.list(analyst, "r1").body()).hasSize(1); // the analyst reads it...
        for (int i = 0; i < 3; i++) {
            findings.add(finding("new" + i, "r1"));                   // ...the attack goes on and evicts it...
        }
        FeedbackService.Reply reply = service.feedback(analyst, "r1", "f1",
                "{\"verdict\":\"false_positive\"}", effects);      // ...then judges it

        assertThat(reply.status()).isEqualTo(404);
        assertThat(learned).isEmpty();
        assertThat(audited).isEmpty();
    }

    @Test
    void aStoredFindingReadsBackWithItsVerdictAndADamagedOneHidesItself() {
        AnomalyFinding finding = new AnomalyFinding("f-9", 5, "r1", null, null, "192.0.2.1", "AS64500",
                FindingKind.CREDENTIAL_STUFFING, 60, FindingLevel.MEDIUM,
                List.of(new FindingReason("MANY_ACCOUNTS_FAILING_FROM_IP", "7 accounts")), List.of("u-1", "name:zoe"));
        FindingEntity row = new FindingEntity();
        row.setId(finding.id());
        row.setRealmId("r1");
        row.setFinding(StoredFindings.write(finding));
        row.setVerdict(Verdict.FALSE_POSITIVE.json());
        row.setAnalyst("a-1");
        row.setJudgedAt(9);

        FindingStore.Entry entry = StoredFindings.entry(row);
        assertThat(entry.finding()).isEqualTo(finding);
        assertThat(entry.verdict()).isEqualTo(Verdict.FALSE_POSITIVE);
        assertThat(entry.judgedAt()).isEqualTo(9);

        row.setFinding("{\"id\":\"f-9\",\"score\":");
        assertThat(StoredFindings.entry(row)).isNull();
    }

    @Test
    void aSprayersLongNamesCannotMakeAFindingTooLongToKeep() {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < AnomalyFinding.MAX_ACCOUNTS; i++) {
            accounts.add("name:" + "x".repeat(240) + i);
        }
        AnomalyFinding finding = new AnomalyFinding("f-long", 5, "r1", null, null, "192.0.2.1", null,
                FindingKind.PASSWORD_SPRAY, 90, FindingLevel.HIGH,
                List.of(new FindingReason("MANY_ACCOUNTS_FAILING_FROM_IP", "500 accounts")), accounts);
        String json = StoredFindings.write(finding);

        assertThat(json.length()).isLessThanOrEqualTo(FindingEntity.MAX_FINDING);
        FindingEntity row = new FindingEntity();
        row.setId(finding.id());
        row.setRealmId("r1");
        row.setFinding(json);
        AnomalyFinding kept = StoredFindings.entry(row).finding();
        assertThat(kept.id()).isEqualTo("f-long");
        assertThat(kept.reasons()).isEqualTo(finding.reasons());
        assertThat(kept.accounts()).isNotEmpty().isEqualTo(accounts.subList(0, kept.accounts().size()));
    }
}
