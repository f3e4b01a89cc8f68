package io.zerotrust.keycloak.authn.condition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.authn.condition.RiskLevelRule.Comparison;
import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import org.junit.jupiter.api.Test;

import static io.zerotrust.keycloak.risk.engine.RiskLevel.HIGH;
import static io.zerotrust.keycloak.risk.engine.RiskLevel.LOW;
import static io.zerotrust.keycloak.risk.engine.RiskLevel.MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;

class RiskLevelRuleTest {

    private final List<String> warnings = new ArrayList<>();

    @Test
    void atLeastIncludesTheLevelAndRiskierOnes() {
        RiskLevelRule rule = new RiskLevelRule(MEDIUM, Comparison.AT_LEAST);
        assertThat(rule.matches(LOW)).isFalse();
        assertThat(rule.matches(MEDIUM)).isTrue();
        assertThat(rule.matches(HIGH)).isTrue();
    }

    @Test
    void atMostIncludesTheLevelAndSaferOnes() {
        RiskLevelRule rule = new RiskLevelRule(MEDIUM, Comparison.AT_MOST);
        assertThat(rule.matches(LOW)).isTrue();
        assertThat(rule.matches(MEDIUM)).isTrue();
        assertThat(rule.matches(HIGH)).isFalse();
    }

    @Test
    void missingOrUnreadableNoteCountsAsHigh() {
        assertThat(RiskLevelRule.assessedLevel(null)).isEqualTo(HIGH);
        assertThat(RiskLevelRule.assessedLevel("bogus")).isEqualTo(HIGH);
        assertThat(RiskLevelRule.assessedLevel("LOW")).isEqualTo(LOW);
        // "at most LOW" must not let an unassessed sign-in pass as safe
        assertThat(new RiskLevelRule(LOW, Comparison.AT_MOST).matches(RiskLevelRule.assessedLevel(null))).isFalse();
    }

    @Test
    void readsStoredKeys() {
        assertThat(read("HIGH", "at-most")).isEqualTo(new RiskLevelRule(HIGH, Comparison.AT_MOST));
        assertThat(read("low", "AT-LEAST")).isEqualTo(new RiskLevelRule(LOW, Comparison.AT_LEAST));
        assertThat(warnings).isEmpty();
    }

    @Test
    void missingConfigMeansAtLeastMedium() {
        assertThat(read(null, " ")).isEqualTo(new RiskLevelRule(MEDIUM, Comparison.AT_LEAST));
        assertThat(warnings).isEmpty();
    }

    @Test
    void badConfigFallsBackWithAWarning() {
        RiskLevelRule rule = read("Hoch", "above");
        assertThat(rule).isEqualTo(new RiskLevelRule(RiskLevel.MEDIUM, Comparison.AT_LEAST));
        assertThat(warnings).hasSize(2).anySatisfy(w -> assertThat(w).contains("Hoch"))
                .anySatisfy(w -> assertThat(w).contains("above"));
    }

    /** Reads a step's stored level and comparison (null: unset), its problems into {@link #warnings}. */
    private RiskLevelRule read(String level, String comparison) {
        Map<String, String> config = new HashMap<>();
        config.put(RiskLevelConditionFactory.CONFIG_LEVEL, level);
        config.put(RiskLevelConditionFactory.CONFIG_COMPARISON, comparison);
        OptionReader reader = OptionReader.collecting(RiskLevelConditionFactory.PROVIDER_ID, config);
        RiskLevelRule rule = RiskLevelRule.read(reader);
        warnings.addAll(reader.problems());
        return rule;
    }
}
