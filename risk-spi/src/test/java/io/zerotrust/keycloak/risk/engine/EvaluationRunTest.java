package io.zerotrust.keycloak.risk.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationRunTest {

    private static final RiskContext CONTEXT = RiskContext.builder("realm", Instant.parse("2026-11-22T10:00:00Z"))
            .userId("user-1").clientIp("198.51.100.4").userAgent("Mozilla/5.0")
            .headers(Map.of("user-agent", "Mozilla/5.0")).build();

    @Test
    void aThrowingEvaluatorBecomesUnavailableAndTheOthersStillCount() {
        RiskEvaluator broken = evaluator("geo", context -> {
            throw new IllegalStateException("database closed");
        });
        RiskEvaluator device = evaluator("device", context -> EvaluatorResult.of("device",
                List.of(RiskReason.of("device", "DEVICE_UNKNOWN", 1.0, "new device"))));

        RiskAssessment assessment = EvaluationRun.assess(List.of(broken, device), CONTEXT, RiskPolicy.defaults());

        assertThat(assessment.unavailable()).singleElement()
                .satisfies(u -> assertThat(u.reason()).isEqualTo("IllegalStateException: database closed"));
        assertThat(assessment.reasonCodes()).containsExactly("DEVICE_UNKNOWN", "GEO_UNAVAILABLE");
        assertThat(assessment.level()).isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void aNullResultIsUnavailable() {
        RiskAssessment assessment = EvaluationRun.assess(List.of(evaluator("time", context -> null)), CONTEXT, RiskPolicy.defaults());

        assertThat(assessment.unavailable()).extracting(RiskAssessment.Unavailable::evaluator).containsExactly("time");
    }

    @Test
    void disabledEvaluatorsAreNotRun() {
        List<String> ran = new ArrayList<>();
        RiskEvaluator geo = evaluator("geo", context -> {
            ran.add("geo");
            return EvaluatorResult.none("geo");
        });
        RiskEvaluator time = evaluator("time", context -> {
            ran.add("time");
            return EvaluatorResult.none("time");
        });

        EvaluationRun.assess(List.of(geo, time), CONTEXT,
                new RiskPolicy(-3.0, Map.of(), 30, 70, RiskLevel.MEDIUM, Set.of("time")));

        assertThat(ran).containsExactly("time");
    }

    @Test
    void evaluatorsSeeTheContext() {
        List<String> seen = new ArrayList<>();
        EvaluationRun.assess(List.of(evaluator("x", context -> {
            seen.add(context.clientIp() + " " + context.header("User-Agent"));
            return EvaluatorResult.none("x");
        })), CONTEXT, RiskPolicy.defaults());

        assertThat(seen).containsExactly("198.51.100.4 Mozilla/5.0");
    }

    private static RiskEvaluator evaluator(String id, java.util.function.Function<RiskContext, EvaluatorResult> body) {
        return new RiskEvaluator() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public EvaluatorResult evaluate(RiskContext context) {
                return body.apply(context);
            }
        };
    }
}
