package io.zerotrust.keycloak.risk.anomaly;

import java.time.Instant;
import java.util.Map;

import java.util.List;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskAssessment;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskEngine;
import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.engine.RiskPolicy;
import io.zerotrust.keycloak.risk.engine.RiskReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnomalyMarkEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final AnomalyMarkEvaluator evaluator = new AnomalyMarkEvaluator(AnomalyMarkEvaluator.DEFAULT_LOG_ODDS);

    @Test
    void anActiveMarkRaisesRiskNamingTheFinding() {
        EvaluatorResult result = evaluator.evaluate(context(new StepUpMark("f-42", NOW.plusSeconds(60)).format()));

        assertThat(result.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("ANOMALY_FLAGGED");
            assertThat(r.logOdds()).isEqualTo(3.0);
            assertThat(r.attributes()).containsEntry("findingId", "f-42");
            assertThat(r.floor()).isEqualTo(RiskLevel.MEDIUM);
        });
    }

    @Test
    void aMarkedSettledUserIsAtLeastMediumWhateverTheOtherEvidence() {
        // A trusted device at a known city and network on a usual hour: well below MEDIUM on its own
        List<EvaluatorResult> settled = List.of(
                EvaluatorResult.of("device", List.of(RiskReason.of("device", "DEVICE_TRUSTED", -2.5, "trusted"))),
                EvaluatorResult.of("geo", List.of(RiskReason.of("geo", "GEO_KNOWN_CITY", -0.4, "known city"),
                        RiskReason.of("geo", "GEO_KNOWN_NETWORK", -0.3, "known network"))),
                EvaluatorResult.of("time", List.of(RiskReason.of("time", "TIME_USUAL_HOUR", -0.5, "usual hour"))));
        assertThat(RiskEngine.combine(settled, RiskPolicy.defaults()).level()).isEqualTo(RiskLevel.LOW);

        List<EvaluatorResult> marked = new java.util.ArrayList<>(settled);
        marked.add(evaluator.evaluate(context(new StepUpMark("f-7", NOW.plusSeconds(600)).format())));
        RiskAssessment assessment = RiskEngine.combine(marked, RiskPolicy.defaults());
        assertThat(assessment.score()).as("the score alone stays low").isLessThan(RiskPolicy.DEFAULT_MEDIUM_AT);
        assertThat(assessment.level()).isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void expiredMalformedOrMissingMarksAreIgnored() {
        assertThat(evaluator.evaluate(context(new StepUpMark("f-1", NOW.minusSeconds(1)).format())).reasons()).isEmpty();
        assertThat(evaluator.evaluate(context("not a mark")).reasons()).isEmpty();
        assertThat(evaluator.evaluate(context(null)).reasons()).isEmpty();
    }

    private static RiskContext context(String mark) {
        return RiskContext.builder("r", NOW).userId("u")
                .userAttributes(mark == null ? Map.of() : Map.of(StepUpMark.ATTRIBUTE, mark)).build();
    }
}
