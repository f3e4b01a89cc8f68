package io.zerotrust.keycloak.events.anomaly;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CrossAccountDetectorTest {

    private final ScorerSettings settings = new ScorerSettings(1000, 1000, 5, 30, Duration.ofMinutes(10), 100,
            ScorerSettings.MIN_SOURCE_BYTES, 20, 10, 1000);
    private final AnomalyScorer scorer = new AnomalyScorer(settings, () -> "f");

    @Test
    void manyAccountsFailingFromOneAddressIsStuffing() {
        List<AnomalyFinding> findings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // several tries each: not a spray, but 20 accounts
            for (int j = 0; j < 3; j++) {
                findings.addAll(scorer.observe(Obs.failure(i * 1000L + j, "name:user" + i, "203.0.113.66", null)));
            }
        }
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).kind()).isEqualTo(FindingKind.CREDENTIAL_STUFFING);
        assertThat(findings.get(0).userId()).isNull();
        assertThat(findings.get(0).ip()).isEqualTo("203.0.113.66");
        assertThat(findings.get(0).reasons().get(0).code()).isEqualTo("MANY_ACCOUNTS_FAILING_FROM_IP");
        assertThat(findings.get(0).reasons().get(0).text()).startsWith("20 accounts failed to sign in from address");
    }

    @Test
    void fewTriesAcrossManyAccountsFromOneNetworkIsSpray() {
        List<AnomalyFinding> findings = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // each from another address of the same network: only the network sees the pattern
            findings.addAll(scorer.observe(Obs.failure(i * 1000L, "u" + i, "198.51.100." + i, "AS64511")));
            findings.addAll(scorer.observe(Obs.failure(i * 1000L + 1, "u" + i, "198.51.100." + i, "AS64511")));
        }
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).kind()).isEqualTo(FindingKind.PASSWORD_SPRAY);
        assertThat(findings.get(0).reasons().get(0).code()).isEqualTo("FEW_TRIES_MANY_ACCOUNTS_FROM_NETWORK");
    }

    @Test
    void oneAccountFailingOftenIsNeither() {
        for (int i = 0; i < 200; i++) {
            assertThat(scorer.observe(Obs.failure(i, "u1", "203.0.113.1", "AS1"))).isEmpty();
        }
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        List<AnomalyFinding> findings = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // one account every 70 s: never more than 9 in a 10-minute window, below both thresholds
            findings.addAll(scorer.observe(Obs.failure(i * 70_000L, "u" + i, "203.0.113.1", null)));
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void ongoingAttackIsReportedAgainOnlyWhenItDoubles() {
        List<AnomalyFinding> findings = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            findings.addAll(scorer.observe(Obs.failure(i, "u" + i, "203.0.113.1", null)));
        }
        assertThat(findings).extracting(AnomalyFinding::kind)
                .containsExactly(FindingKind.PASSWORD_SPRAY, FindingKind.CREDENTIAL_STUFFING, FindingKind.CREDENTIAL_STUFFING);
        assertThat(findings.get(2).level()).isEqualTo(FindingLevel.HIGH);
    }

    @Test
    void windowCountsAccountsAndFewFailures() {
        FailureWindow window = new FailureWindow();
        window.add(0, "a", 100);
        window.add(1, "a", 100);
        window.add(2, "a", 100);
        window.add(3, "b", 100);
        assertThat(window.distinctAccounts()).isEqualTo(2);
        assertThat(window.accountsWithFewFailures()).isEqualTo(1);
        window.add(102, "c", 100); // the first two "a" expire
        assertThat(window.distinctAccounts()).isEqualTo(3);
        assertThat(window.accountsWithFewFailures()).isEqualTo(3);
        window.add(1000, "d", 100);
        assertThat(window.distinctAccounts()).isEqualTo(1);
        assertThat(window.failures()).isEqualTo(1);
    }

    @Test
    void aWindowAllocatesAsFailuresArriveAndGivesItBackWhenTheyExpire() {
        FailureWindow window = new FailureWindow();
        long empty = window.bytes();
        window.add(0, "a", 100);
        assertThat(window.allocated()).isEqualTo(FailureWindow.INITIAL_CAPACITY);
        assertThat(window.bytes()).as("one failure costs a few hundred bytes, not the full ring")
                .isLessThan(512).isGreaterThan(empty);
        for (int i = 0; i < 2000; i++) {
            window.add(i, "u" + i, 100_000);
        }
        assertThat(window.allocated()).isEqualTo(FailureWindow.CAPACITY);
        assertThat(window.failures()).isEqualTo(FailureWindow.CAPACITY);
        window.add(1_000_000, "late", 100);
        assertThat(window.failures()).isEqualTo(1);
        assertThat(window.allocated()).isLessThan(FailureWindow.CAPACITY);
    }

    @Test
    void aSprayFromManyAddressesStaysWithinTheRealmsByteBound() {
        ScorerSettings bounded = new ScorerSettings(1000, 1000, 5, 30, Duration.ofMinutes(10), 1_000_000,
                ScorerSettings.MIN_SOURCE_BYTES, 20, 10, 1000);
        CrossAccountDetector detector = new CrossAccountDetector(bounded);
        Findings ids = new Findings(() -> "f");
        // every address of an IPv6 /64 fails once: each is a source of its own
        for (int i = 0; i < 50_000; i++) {
            detector.failure(Obs.failure(i, "name:user" + i, "2001:db8::" + Integer.toHexString(i), null), ids, f -> { });
        }
        SourceWindows sources = detector.sources("r1");
        assertThat(sources.bytes()).isLessThanOrEqualTo(ScorerSettings.MIN_SOURCE_BYTES);
        assertThat(sources.size()).isGreaterThan(1000).isLessThan(50_000);
        assertThat(sources.contains("a:2001:db8::" + Integer.toHexString(49_999))).as("the latest is kept").isTrue();
        assertThat(sources.contains("a:2001:db8::0")).as("the oldest is forgotten").isFalse();
    }

    @Test
    void oneRealmsAttackDoesNotEvictAnotherRealmsSources() {
        ScorerSettings few = new ScorerSettings(1000, 1000, 5, 30, Duration.ofMinutes(10), 10,
                ScorerSettings.MIN_SOURCE_BYTES, 20, 10, 1000);
        CrossAccountDetector detector = new CrossAccountDetector(few);
        Findings ids = new Findings(() -> "f");
        detector.failure(Obs.failure(0, "u1", "203.0.113.5", null), ids, f -> { });
        for (int i = 0; i < 100; i++) {
            detector.failure(new AuthObservation(i, "r2", ObservedKind.LOGIN_FAILURE, "u" + i, "u" + i, null,
                    "198.51.100." + i, null, null, null), ids, f -> { });
        }
        assertThat(detector.sources("r2").size()).isEqualTo(10);
        assertThat(detector.sources("r1").contains("a:203.0.113.5")).isTrue();
    }

    @Test
    void theSameAddressInTwoRealmsIsTwoSources() {
        List<AnomalyFinding> findings = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // six accounts in each realm: below the threshold of 10 in each, though 12 from one address overall
            String realm = i % 2 == 0 ? "r1" : "r2";
            findings.addAll(scorer.observe(new AuthObservation(i, realm, ObservedKind.LOGIN_FAILURE, "u" + i, "u" + i,
                    null, "203.0.113.9", null, null, null)));
        }
        assertThat(findings).isEmpty();
    }
}
