package io.zerotrust.keycloak.risk.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskEngineTest {

    private static final RiskPolicy DEFAULTS = RiskPolicy.defaults();

    @Test
    void noEvidenceScoresThePriorAsLow() {
        RiskAssessment assessment = RiskEngine.combine(List.of(), DEFAULTS);

        // logistic(-3) = 0.047
        assertThat(assessment.score()).isEqualTo(5);
        assertThat(assessment.level()).isEqualTo(RiskLevel.LOW);
        assertThat(assessment.reasonCodes()).isEmpty();
    }

    @Test
    void evidenceAddsInLogOddsAndWeightsScaleIt() {
        EvaluatorResult geo = EvaluatorResult.of("geo", List.of(RiskReason.of("geo", "GEO_NEW_COUNTRY", 2.0, "new country")));
        EvaluatorResult device = EvaluatorResult.of("device", List.of(RiskReason.of("device", "DEVICE_UNKNOWN", 1.0, "new device")));

        RiskAssessment plain = RiskEngine.combine(List.of(geo, device), DEFAULTS);
        // -3 + 2 + 1 = 0 -> 50
        assertThat(plain.score()).isEqualTo(50);
        assertThat(plain.level()).isEqualTo(RiskLevel.MEDIUM);

        RiskPolicy geoHeavy = new RiskPolicy(-3.0, Map.of("geo", 2.0), 30, 70, RiskLevel.MEDIUM, Set.of());
        RiskAssessment weighted = RiskEngine.combine(List.of(geo, device), geoHeavy);
        // -3 + 4 + 1 = 2 -> 88
        assertThat(weighted.score()).isEqualTo(88);
        assertThat(weighted.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(weighted.contributions()).extracting(RiskAssessment.Contribution::weightedLogOdds).containsExactly(4.0, 1.0);
    }

    @Test
    void negativeEvidenceLowersTheScore() {
        EvaluatorResult trusted = EvaluatorResult.of("device", List.of(RiskReason.of("device", "DEVICE_TRUSTED", -2.0, "trusted")));

        assertThat(RiskEngine.combine(List.of(trusted), DEFAULTS).score()).isEqualTo(1);
    }

    @Test
    void reasonCodesAreOrderedByContributionWithUnavailableLast() {
        RiskAssessment assessment = RiskEngine.combine(List.of(
                EvaluatorResult.of("time", List.of(RiskReason.of("time", "TIME_UNUSUAL_HOUR", 0.5, "odd hour"))),
                EvaluatorResult.unavailable("impossible-travel", "no previous location"),
                EvaluatorResult.of("geo", List.of(RiskReason.of("geo", "GEO_NEW_COUNTRY", 2.0, "new country")))), DEFAULTS);

        assertThat(assessment.reasonCodes()).containsExactly("GEO_NEW_COUNTRY", "TIME_UNUSUAL_HOUR", "IMPOSSIBLE_TRAVEL_UNAVAILABLE");
    }

    @Test
    void unavailableSignalRaisesAtLeastToTheFallback() {
        RiskAssessment assessment = RiskEngine.combine(List.of(EvaluatorResult.unavailable("geo", "database missing")), DEFAULTS);

        assertThat(assessment.score()).isEqualTo(5);
        assertThat(assessment.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(assessment.unavailable()).containsExactly(new RiskAssessment.Unavailable("geo", "database missing"));
    }

    @Test
    void fallbackNeverLowersALevel() {
        RiskPolicy lenient = new RiskPolicy(-3.0, Map.of(), 30, 70, RiskLevel.LOW, Set.of());
        RiskAssessment assessment = RiskEngine.combine(List.of(
                EvaluatorResult.unavailable("geo", "database missing"),
                EvaluatorResult.of("device", List.of(RiskReason.of("device", "DEVICE_FORGED", 6.0, "forged")))), lenient);

        assertThat(assessment.level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void aFloorHoldsTheLevelWhateverTheScore() {
        EvaluatorResult settled = EvaluatorResult.of("device", List.of(RiskReason.of("device", "DEVICE_TRUSTED", -2.5, "trusted")));
        EvaluatorResult mark = EvaluatorResult.of("anomaly-mark", List.of(
                RiskReason.of("anomaly-mark", "ANOMALY_FLAGGED", 3.0, "marked").withFloor(RiskLevel.MEDIUM)));

        RiskAssessment assessment = RiskEngine.combine(List.of(settled, mark), DEFAULTS);
        // -3 - 2.5 + 3 = -2.5 -> 8: LOW by the score, MEDIUM by the rule
        assertThat(assessment.score()).isEqualTo(8);
        assertThat(assessment.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(RiskEngine.combine(List.of(settled), DEFAULTS).level()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void aFloorNeverLowersALevelAndIsOffWithItsEvaluator() {
        EvaluatorResult strong = EvaluatorResult.of("geo", List.of(RiskReason.of("geo", "GEO_COUNTRY_DENIED", 6.0, "denied")));
        EvaluatorResult mark = EvaluatorResult.of("anomaly-mark", List.of(
                RiskReason.of("anomaly-mark", "ANOMALY_FLAGGED", 0.0, "marked").withFloor(RiskLevel.MEDIUM)));
        assertThat(RiskEngine.combine(List.of(strong, mark), DEFAULTS).level()).isEqualTo(RiskLevel.HIGH);

        RiskPolicy markOff = new RiskPolicy(-3.0, Map.of("anomaly-mark", 0.0), 30, 70, RiskLevel.MEDIUM, Set.of());
        assertThat(RiskEngine.combine(List.of(mark), markOff).level()).isEqualTo(RiskLevel.LOW);
        RiskPolicy markDisabled = new RiskPolicy(-3.0, Map.of(), 30, 70, RiskLevel.MEDIUM, Set.of("geo"));
        assertThat(RiskEngine.combine(List.of(mark), markDisabled).level()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void disabledEvaluatorsAreIgnored() {
        RiskPolicy onlyDevice = new RiskPolicy(-3.0, Map.of(), 30, 70, RiskLevel.MEDIUM, Set.of("device"));
        RiskAssessment assessment = RiskEngine.combine(List.of(
                EvaluatorResult.unavailable("geo", "database missing"),
                EvaluatorResult.of("time", List.of(RiskReason.of("time", "TIME_OUTSIDE_WINDOW", 5.0, "outside")))), onlyDevice);

        assertThat(assessment.level()).isEqualTo(RiskLevel.LOW);
        assertThat(assessment.reasonCodes()).isEmpty();
    }

    @Test
    void thresholdsAreInclusive() {
        RiskPolicy policy = new RiskPolicy(0.0, Map.of(), 50, 88, RiskLevel.MEDIUM, Set.of());
        assertThat(RiskEngine.combine(List.of(), policy).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(policy.levelFor(88)).isEqualTo(RiskLevel.HIGH);
        assertThat(policy.levelFor(87)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(policy.levelFor(49)).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void policyRejectsInconsistentThresholdsAndWeights() {
        assertThatThrownBy(() -> new RiskPolicy(-3.0, Map.of(), 80, 70, RiskLevel.MEDIUM, Set.of()))
                .hasMessageContaining("medium=80");
        assertThatThrownBy(() -> new RiskPolicy(-3.0, Map.of("geo", -1.0), 30, 70, RiskLevel.MEDIUM, Set.of()))
                .hasMessageContaining("geo");
    }

    @Test
    void reasonsRejectNonFiniteEvidence() {
        assertThatThrownBy(() -> RiskReason.of("geo", "X", Double.NaN, "m")).isInstanceOf(IllegalArgumentException.class);
    }
}
