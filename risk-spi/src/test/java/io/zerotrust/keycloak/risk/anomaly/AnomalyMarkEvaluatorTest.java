package io.zerotrust.keycloak.risk.anomaly;

import java.time.Instant;
import java.util.Map;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
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
        });
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
