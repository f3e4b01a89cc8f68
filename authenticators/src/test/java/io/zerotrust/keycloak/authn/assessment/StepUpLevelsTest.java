package io.zerotrust.keycloak.authn.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.engine.RiskLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StepUpLevelsTest {

    @Test
    void raisesTheRequestedLevelNeverLowersIt() {
        StepUpLevels levels = StepUpLevels.read(Map.of("acrLevelMedium", "2", "acrLevelHigh", "3"), p -> { });
        assertThat(levels.raise(-1, RiskLevel.LOW)).isEqualTo(-1);
        assertThat(levels.raise(-1, RiskLevel.MEDIUM)).isEqualTo(2);
        assertThat(levels.raise(1, RiskLevel.HIGH)).isEqualTo(3);
        assertThat(levels.raise(4, RiskLevel.MEDIUM)).as("a client's higher request stands").isEqualTo(4);
    }

    @Test
    void highRequiresAtLeastWhatMediumDoes() {
        assertThat(StepUpLevels.read(Map.of("acrLevelMedium", "2"), p -> { }).required(RiskLevel.HIGH)).hasValue(2);
        assertThat(StepUpLevels.read(Map.of("acrLevelMedium", "3", "acrLevelHigh", "2"), p -> { }).required(RiskLevel.HIGH)).hasValue(3);
        assertThat(StepUpLevels.read(Map.of(), p -> { }).required(RiskLevel.HIGH)).isEmpty();
    }

    @Test
    void unreadableLevelsAreReportedAndIgnored() {
        List<String> problems = new ArrayList<>();
        StepUpLevels levels = StepUpLevels.read(Map.of("acrLevelMedium", "gold", "acrLevelHigh", "-1"), problems::add);
        assertThat(levels.required(RiskLevel.MEDIUM)).isEmpty();
        assertThat(levels.required(RiskLevel.HIGH)).isEmpty();
        assertThat(problems).hasSize(2);
    }
}
