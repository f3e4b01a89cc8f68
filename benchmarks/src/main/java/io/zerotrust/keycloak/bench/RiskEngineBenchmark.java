package io.zerotrust.keycloak.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskAssessment;
import io.zerotrust.keycloak.risk.engine.RiskEngine;
import io.zerotrust.keycloak.risk.engine.RiskPolicy;
import io.zerotrust.keycloak.risk.engine.RiskReason;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Cost of combining the evidence of seven evaluators into a score, level and ordered reasons. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RiskEngineBenchmark {

    private List<EvaluatorResult> results;
    private RiskPolicy policy;

    @Setup
    public void setUp() {
        results = new ArrayList<>();
        String[] ids = {"geo", "impossible-travel", "device", "device-posture", "time", "login-failures", "ip-reputation"};
        for (int i = 0; i < ids.length; i++) {
            results.add(EvaluatorResult.of(ids[i], List.of(
                    RiskReason.of(ids[i], "R" + i + "_A", 0.4 * i - 1.0, "reason a"),
                    RiskReason.of(ids[i], "R" + i + "_B", 0.2, "reason b"))));
        }
        policy = RiskPolicy.defaults();
    }

    @Benchmark
    public List<String> combine() {
        RiskAssessment assessment = RiskEngine.combine(results, policy);
        return assessment.reasonCodes();
    }
}
