package io.zerotrust.keycloak.authn.factor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.engine.RiskLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnrolmentLimitTest {

    private final List<String> problems = new ArrayList<>();

    @Test
    void byDefaultOnlyALowSignInMayEnrol() {
        EnrolmentLimit limit = EnrolmentLimit.read(null, problems::add);
        assertThat(limit.allows(RiskLevel.LOW)).isTrue();
        assertThat(limit.allows(RiskLevel.MEDIUM)).isFalse();
        assertThat(limit.allows(RiskLevel.HIGH)).isFalse();
        assertThat(problems).isEmpty();
    }

    @Test
    void theAdminMayRaiseOrCloseIt() {
        assertThat(EnrolmentLimit.read(Map.of(EnrolmentLimit.CONFIG_KEY, "medium"), problems::add).allows(RiskLevel.MEDIUM)).isTrue();
        assertThat(EnrolmentLimit.read(Map.of(EnrolmentLimit.CONFIG_KEY, "MEDIUM"), problems::add).allows(RiskLevel.HIGH)).isFalse();
        assertThat(EnrolmentLimit.read(Map.of(EnrolmentLimit.CONFIG_KEY, "HIGH"), problems::add).allows(RiskLevel.HIGH)).isTrue();
        EnrolmentLimit never = EnrolmentLimit.read(Map.of(EnrolmentLimit.CONFIG_KEY, " none "), problems::add);
        assertThat(never.allows(RiskLevel.LOW)).isFalse();
        assertThat(problems).isEmpty();
    }

    @Test
    void aValueThatCannotBeReadIsReportedAndMeansLow() {
        EnrolmentLimit limit = EnrolmentLimit.read(Map.of(EnrolmentLimit.CONFIG_KEY, "sometimes"), problems::add);
        assertThat(limit).isEqualTo(EnrolmentLimit.DEFAULT);
        assertThat(problems).singleElement().asString().contains("sometimes");
    }
}
