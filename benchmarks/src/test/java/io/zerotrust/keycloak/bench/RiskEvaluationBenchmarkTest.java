package io.zerotrust.keycloak.bench;

import io.zerotrust.keycloak.risk.engine.RiskAssessment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark measures what it claims: every evaluator judges its signal, none is cut short. */
class RiskEvaluationBenchmarkTest {

    @Test
    void theFullEvaluationJudgesEverySignal() throws Exception {
        RiskAssessment assessment = run("all");

        assertThat(assessment.unavailable()).isEmpty();
        // The posture assertion verified and bound (not POSTURE_MISSING or POSTURE_UNBOUND), the address block learned
        assertThat(assessment.reasonCodes()).contains("POSTURE_COMPLIANT", "GEO_USUAL_ADDRESS_BLOCK", "DEVICE_KNOWN",
                "GEO_KNOWN_CITY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"geo", "impossible-travel", "device", "device-posture", "time", "login-failures",
            "ip-reputation", "address-block"})
    void eachEvaluatorAloneIsAvailable(String evaluator) throws Exception {
        assertThat(run(evaluator).unavailable()).isEmpty();
    }

    private static RiskAssessment run(String evaluator) throws Exception {
        RiskEvaluationBenchmark bench = new RiskEvaluationBenchmark();
        bench.evaluator = evaluator;
        bench.setUp();
        return bench.evaluate();
    }
}
