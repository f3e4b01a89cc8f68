package io.zerotrust.keycloak.authn.mfa;

import java.util.List;

import io.zerotrust.keycloak.authn.mfa.FactorDecision.Action;
import io.zerotrust.keycloak.risk.engine.RiskLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class FactorPolicyTest {

    private static final FactorPolicy DEFAULT = new FactorPolicy(false, false, RiskLevel.MEDIUM);

    @Test
    void lowRiskNeedsNoFactor() {
        assertThat(DEFAULT.decide(RiskLevel.LOW, List.of(Factor.OTP)).action()).isEqualTo(Action.PASS);
        assertThat(DEFAULT.decide(RiskLevel.LOW, List.of()).action()).isEqualTo(Action.PASS);
    }

    @Test
    void mediumTakesThePreferredFactorAndHighTheStrongest() {
        assertThat(DEFAULT.decide(RiskLevel.MEDIUM, List.of(Factor.OTP, Factor.WEBAUTHN))).isEqualTo(FactorDecision.challenge(Factor.OTP));
        assertThat(DEFAULT.decide(RiskLevel.HIGH, List.of(Factor.OTP, Factor.WEBAUTHN))).isEqualTo(FactorDecision.challenge(Factor.WEBAUTHN));
        assertThat(DEFAULT.decide(RiskLevel.MEDIUM, List.of(Factor.WEBAUTHN, Factor.OTP))).isEqualTo(FactorDecision.challenge(Factor.WEBAUTHN));
        assertThat(DEFAULT.decide(RiskLevel.HIGH, List.of(Factor.OTP))).isEqualTo(FactorDecision.challenge(Factor.OTP));
    }

    @ParameterizedTest
    @EnumSource(Factor.class)
    void aHigherRiskNeverGetsAWeakerFactor(Factor preferred) {
        for (List<Factor> available : List.of(List.of(preferred), List.of(Factor.OTP, Factor.WEBAUTHN), List.of(Factor.WEBAUTHN, Factor.OTP))) {
            for (FactorPolicy policy : List.of(DEFAULT, new FactorPolicy(false, true, RiskLevel.LOW))) {
                FactorDecision medium = policy.decide(RiskLevel.MEDIUM, available);
                FactorDecision high = policy.decide(RiskLevel.HIGH, available);
                if (high.action() == Action.CHALLENGE) {
                    assertThat(high.factor()).as("%s %s", available, policy).isGreaterThanOrEqualTo(medium.factor());
                }
            }
        }
    }

    @Test
    void usersWithoutAFactorEnrolOnlyWhileTheRiskAllowsIt() {
        assertThat(DEFAULT.decide(RiskLevel.MEDIUM, List.of())).isEqualTo(FactorDecision.enrol(Factor.OTP));
        assertThat(DEFAULT.decide(RiskLevel.HIGH, List.of())).isEqualTo(FactorDecision.deny());
        assertThat(new FactorPolicy(false, false, null).decide(RiskLevel.MEDIUM, List.of())).isEqualTo(FactorDecision.deny());
        assertThat(new FactorPolicy(false, false, RiskLevel.LOW).decide(RiskLevel.MEDIUM, List.of())).isEqualTo(FactorDecision.deny());
    }

    @Test
    void highIsRefusedWhenConfigured() {
        assertThat(new FactorPolicy(true, false, RiskLevel.MEDIUM).decide(RiskLevel.HIGH, List.of(Factor.WEBAUTHN))).isEqualTo(FactorDecision.deny());
        assertThat(new FactorPolicy(false, true, RiskLevel.MEDIUM).decide(RiskLevel.HIGH, List.of(Factor.OTP))).isEqualTo(FactorDecision.deny());
        assertThat(new FactorPolicy(false, true, RiskLevel.MEDIUM).decide(RiskLevel.HIGH, List.of(Factor.OTP, Factor.WEBAUTHN)))
                .isEqualTo(FactorDecision.challenge(Factor.WEBAUTHN));
    }

    @Test
    void aMarkedUserGetsTheStrongestFactorEvenAtLowAndCannotEnrolBeyondTheLimit() {
        assertThat(DEFAULT.decide(RiskLevel.LOW, List.of(Factor.OTP, Factor.WEBAUTHN), true)).isEqualTo(FactorDecision.challenge(Factor.WEBAUTHN));
        assertThat(DEFAULT.decide(RiskLevel.MEDIUM, List.of(Factor.OTP, Factor.WEBAUTHN), true)).isEqualTo(FactorDecision.challenge(Factor.WEBAUTHN));
        assertThat(DEFAULT.decide(RiskLevel.LOW, List.of(Factor.OTP), true)).isEqualTo(FactorDecision.challenge(Factor.OTP));
        // Marked counts as MEDIUM: enrolling at LOW only is not enough for whoever holds the password
        assertThat(new FactorPolicy(false, false, RiskLevel.LOW).decide(RiskLevel.LOW, List.of(), true).action()).isEqualTo(Action.DENY);
        assertThat(DEFAULT.decide(RiskLevel.LOW, List.of(), false).action()).isEqualTo(Action.PASS);
    }
}
