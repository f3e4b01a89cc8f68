package io.zerotrust.keycloak.authn.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.engine.RiskPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RiskPolicyConfigTest {

    private final List<String> warnings = new ArrayList<>();

    @Test
    void noConfigMeansDefaults() {
        assertThat(RiskPolicyConfig.read(null, warnings::add)).isEqualTo(RiskPolicy.defaults());
        assertThat(RiskPolicyConfig.read(Map.of(), warnings::add)).isEqualTo(RiskPolicy.defaults());
        assertThat(warnings).isEmpty();
    }

    @Test
    void readsEveryKey() {
        RiskPolicy policy = RiskPolicyConfig.read(Map.of(
                "mediumAt", "40", "highAt", "80", "priorLogOdds", "-2.5", "fallbackLevel", "high",
                "enabledEvaluators", "geo##device", "weights", "geo:1.5##time:0.5"), warnings::add);

        assertThat(policy.mediumAt()).isEqualTo(40);
        assertThat(policy.highAt()).isEqualTo(80);
        assertThat(policy.priorLogOdds()).isEqualTo(-2.5);
        assertThat(policy.fallbackLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(policy.enabled()).containsExactlyInAnyOrder("geo", "device");
        assertThat(policy.weights()).containsExactlyInAnyOrderEntriesOf(Map.of("geo", 1.5, "time", 0.5));
        assertThat(warnings).isEmpty();
    }

    @Test
    void badValuesFallBackToDefaultsWithAWarning() {
        RiskPolicy policy = RiskPolicyConfig.read(Map.of(
                "mediumAt", "forty", "priorLogOdds", "NaN", "fallbackLevel", "SEVERE",
                "weights", "geo:-1##device##time:2"), warnings::add);

        assertThat(policy.mediumAt()).isEqualTo(RiskPolicy.DEFAULT_MEDIUM_AT);
        assertThat(policy.priorLogOdds()).isEqualTo(RiskPolicy.DEFAULT_PRIOR_LOG_ODDS);
        assertThat(policy.fallbackLevel()).isEqualTo(RiskPolicy.DEFAULT_FALLBACK);
        assertThat(policy.weights()).containsExactlyEntriesOf(Map.of("time", 2.0));
        assertThat(warnings).hasSize(5);
    }

    @Test
    void inconsistentThresholdsFallBackTogether() {
        RiskPolicy policy = RiskPolicyConfig.read(Map.of("mediumAt", "90", "highAt", "50"), warnings::add);

        assertThat(policy.mediumAt()).isEqualTo(RiskPolicy.DEFAULT_MEDIUM_AT);
        assertThat(policy.highAt()).isEqualTo(RiskPolicy.DEFAULT_HIGH_AT);
        assertThat(warnings).singleElement().asString().contains("90/50");
    }
}
