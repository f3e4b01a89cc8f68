package io.zerotrust.keycloak.authn.assessment;

import java.util.OptionalInt;

import io.zerotrust.keycloak.risk.engine.RiskLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StepUpVerdictTest {

    private static final OptionalInt NO_LEVEL = OptionalInt.empty();

    @Test
    void aLowSignInRequiresNothing() {
        assertThat(StepUpVerdict.met(RiskLevel.LOW, false, NO_LEVEL, -1)).isTrue();
    }

    @Test
    void mediumAndHighAreMetByAVerifiedSecondFactor() {
        assertThat(StepUpVerdict.met(RiskLevel.MEDIUM, true, NO_LEVEL, -1)).isTrue();
        assertThat(StepUpVerdict.met(RiskLevel.HIGH, true, OptionalInt.of(3), 1)).isTrue();
    }

    @Test
    void mediumAndHighAreMetByReachingTheLevelTheRiskRequired() {
        assertThat(StepUpVerdict.met(RiskLevel.MEDIUM, false, OptionalInt.of(2), 2)).isTrue();
        assertThat(StepUpVerdict.met(RiskLevel.HIGH, false, OptionalInt.of(3), 2)).isFalse();
    }

    @Test
    void withoutEitherTheStepUpWasNotMet() {
        // e.g. a code page never answered, a skipped Conditional OTP Form, a password grant that asked for nothing more
        assertThat(StepUpVerdict.met(RiskLevel.MEDIUM, false, NO_LEVEL, -1)).isFalse();
        assertThat(StepUpVerdict.met(RiskLevel.HIGH, false, NO_LEVEL, 5)).isFalse();
        assertThat(StepUpVerdict.met(RiskLevel.MEDIUM, false, OptionalInt.of(2), 1)).isFalse();
    }
}
