package io.zerotrust.keycloak.risk.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.assertj.core.util.DoubleComparator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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

    private static RiskReason location(String evaluator, String code, double logOdds) {
        return RiskReason.of(evaluator, code, logOdds, code.toLowerCase(Locale.ROOT)).correlatedIn("location", 0.5);
    }

    @Test
    void correlatedReasonsCountTheStrongestInFullAndTheOthersAtTheirShareStillListed() {
        EvaluatorResult geo = EvaluatorResult.of("geo", List.of(location("geo", "GEO_NEW_COUNTRY", 2.0),
                location("geo", "GEO_NEW_NETWORK", 0.5), RiskReason.of("geo", "GEO_ANONYMOUS_VPN", 2.0, "vpn")));
        EvaluatorResult travel = EvaluatorResult.of("impossible-travel",
                List.of(location("impossible-travel", "IMPOSSIBLE_TRAVEL", 5.0)));

        RiskAssessment assessment = RiskEngine.combine(List.of(geo, travel), DEFAULTS);

        // -3 + 5 + 2 * 0.5 + 0.5 * 0.5 + 2 (independent) = 5.25, where independent evidence would give 6.5
        assertThat(assessment.contributions()).extracting(c -> c.reason().code(), RiskAssessment.Contribution::weightedLogOdds)
                .containsExactly(tuple("GEO_NEW_COUNTRY", 1.0),
                        tuple("GEO_NEW_NETWORK", 0.25),
                        tuple("GEO_ANONYMOUS_VPN", 2.0),
                        tuple("IMPOSSIBLE_TRAVEL", 5.0));
        assertThat(assessment.score()).isEqualTo(RiskEngine.toScore(5.25));
        assertThat(assessment.reasonCodes()).containsExactly("IMPOSSIBLE_TRAVEL", "GEO_ANONYMOUS_VPN", "GEO_NEW_COUNTRY",
                "GEO_NEW_NETWORK");
        RiskReason country = assessment.contributions().get(0).reason();
        assertThat(country.logOdds()).as("the evaluator's own evidence is kept").isEqualTo(2.0);
        assertThat(country.attributes()).containsEntry(RiskEngine.CORRELATED_WITH, "IMPOSSIBLE_TRAVEL")
                .containsEntry(RiskEngine.COUNTED_SHARE, "0.50");
        assertThat(country.message()).isEqualTo("geo_new_country (counted at 50%: partly the same fact as IMPOSSIBLE_TRAVEL)");
        RiskReason travelReason = assessment.contributions().get(3).reason();
        assertThat(travelReason.attributes()).doesNotContainKey(RiskEngine.CORRELATED_WITH);
        assertThat(travelReason.message()).isEqualTo("impossible_travel");
    }

    @Test
    void addingACorrelatedReasonNeverLowersTheTotal() {
        EvaluatorResult travel = EvaluatorResult.of("impossible-travel",
                List.of(location("impossible-travel", "IMPOSSIBLE_TRAVEL", 1.5)));
        int alone = RiskEngine.combine(List.of(travel), DEFAULTS).score();
        for (double extra : new double[] {0.1, 1.5, 3.0, 8.0}) {
            EvaluatorResult geo = EvaluatorResult.of("geo", List.of(location("geo", "GEO_NEW_COUNTRY", extra)));
            assertThat(RiskEngine.combine(List.of(geo, travel), DEFAULTS).score()).as("+%s", extra)
                    .isGreaterThanOrEqualTo(alone).isGreaterThanOrEqualTo(RiskEngine.combine(List.of(geo), DEFAULTS).score());
        }
    }

    @Test
    void reassuranceAndOtherGroupsAreNotDiscountedAndWeightsApplyFirst() {
        RiskReason known = RiskReason.of("geo", "GEO_KNOWN_COUNTRY", -0.2, "known").correlatedIn("location", 0.5);
        RiskReason other = RiskReason.of("x", "X_ONE", 1.0, "other group").correlatedIn("other", 0.0);
        EvaluatorResult geo = EvaluatorResult.of("geo", List.of(location("geo", "GEO_NEW_CITY", 0.7), known));
        EvaluatorResult travel = EvaluatorResult.of("impossible-travel",
                List.of(location("impossible-travel", "IMPOSSIBLE_TRAVEL", 1.5)));
        EvaluatorResult x = EvaluatorResult.of("x", List.of(other));
        // geo weighs 3: its new city (2.1) is now stronger than travel (1.5), which is discounted instead
        RiskPolicy geoHeavy = new RiskPolicy(-3.0, Map.of("geo", 3.0), 30, 70, RiskLevel.MEDIUM, Set.of());

        RiskAssessment assessment = RiskEngine.combine(List.of(geo, travel, x), geoHeavy);

        assertThat(assessment.contributions()).extracting(RiskAssessment.Contribution::weightedLogOdds)
                .usingComparatorForType(new DoubleComparator(1e-9), Double.class)
                .containsExactly(2.1, -0.6, 0.75, 1.0);
    }

    @Test
    void aCorrelatedReasonKeepsItsFloor() {
        RiskReason floored = location("geo", "GEO_NEW_NETWORK", 0.5).withFloor(RiskLevel.MEDIUM);
        assertThat(floored.correlation()).isEqualTo(new RiskReason.Correlation("location", 0.5));
        EvaluatorResult geo = EvaluatorResult.of("geo", List.of(location("geo", "GEO_NEW_COUNTRY", 2.0), floored));

        RiskAssessment assessment = RiskEngine.combine(List.of(geo), DEFAULTS);

        assertThat(assessment.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(assessment.contributions().get(1).reason().floor()).isEqualTo(RiskLevel.MEDIUM);
        assertThatThrownBy(() -> RiskReason.of("geo", "C", 1.0, "m").correlatedIn("location", 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
