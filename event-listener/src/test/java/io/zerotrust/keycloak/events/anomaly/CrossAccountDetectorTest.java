package io.zerotrust.keycloak.events.anomaly;

import java.util.ArrayList;
import java.util.List;

import io.zerotrust.keycloak.risk.velocity.LoginFailuresSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CrossAccountDetectorTest {

    /** user 3, stuffing 20, spray 10, network 20 accounts, within 10 minutes */
    private final LoginFailuresSettings thresholds = new LoginFailuresSettings(3, 20, 10, 20, 10);
    private final ScorerSettings settings = new ScorerSettings(1000, 1000, 5, 30, 1000);
    private final HeapScorerMemory memory = new HeapScorerMemory(settings, thresholds);
    private final AnomalyScorer scorer = new AnomalyScorer(settings, memory, () -> "f");

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
        assertThat(findings.get(0).accounts()).hasSize(20).contains("name:user0", "name:user19");
    }

    @Test
    void fewTriesAcrossManyAccountsFromOneAddressIsSpray() {
        List<AnomalyFinding> findings = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            findings.addAll(scorer.observe(Obs.failure(i * 1000L, "u" + i, "198.51.100.7", "AS64511")));
        }
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.PASSWORD_SPRAY);
            assertThat(f.reasons().get(0).code()).isEqualTo("FEW_TRIES_MANY_ACCOUNTS_FROM_IP");
        });
    }

    @Test
    void manyAccountsFailingAcrossANetworksAddressesIsStuffingByTheNetwork() {
        List<AnomalyFinding> findings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // each from another address of the same network: only the network sees the pattern
            findings.addAll(scorer.observe(Obs.failure(i * 1000L, "u" + i, "198.51.100." + i, "AS64511")));
        }
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.CREDENTIAL_STUFFING);
            assertThat(f.reasons().get(0).code()).isEqualTo("MANY_ACCOUNTS_FAILING_FROM_NETWORK");
            assertThat(f.reasons().get(0).text()).contains("network AS64511");
        });
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
        // at 10, 20 and 40 accounts
        assertThat(findings).extracting(AnomalyFinding::kind).containsOnly(FindingKind.PASSWORD_SPRAY).hasSize(3);
        assertThat(findings.get(2).level()).isEqualTo(FindingLevel.HIGH);
    }

    @Test
    void aScorerTakingOverFromAnotherDoesNotReportTheSameAttackAgain() {
        for (int i = 0; i < 10; i++) {
            scorer.observe(Obs.failure(i, "u" + i, "203.0.113.1", null));
        }
        // another node's scorer, over the same memory (the database on a server)
        AnomalyScorer next = new AnomalyScorer(settings, memory, () -> "g");
        List<AnomalyFinding> findings = new ArrayList<>();
        for (int i = 10; i < 19; i++) {
            findings.addAll(next.observe(Obs.failure(i, "u" + i, "203.0.113.1", null)));
        }
        assertThat(findings).as("19 accounts: not yet twice the 10 reported").isEmpty();
        assertThat(next.observe(Obs.failure(19, "u19", "203.0.113.1", null))).singleElement()
                .satisfies(f -> assertThat(f.id()).isEqualTo("g"));
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
