package io.zerotrust.keycloak.risk.learning;

import java.util.Map;

import io.zerotrust.keycloak.risk.spi.RiskNotes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginVerdictTest {

    @Test
    void aSignInWhoseStepUpWasMetTeaches() {
        assertThat(LoginVerdict.teaches(Map.of(RiskNotes.EVENT_LEVEL, "MEDIUM", RiskNotes.EVENT_VERIFIED, "true"), false)).isTrue();
    }

    @Test
    void aSignInWhoseStepUpWasNeverMetTeachesNothingWhateverTheOption() {
        assertThat(LoginVerdict.teaches(Map.of(RiskNotes.EVENT_LEVEL, "MEDIUM", RiskNotes.EVENT_VERIFIED, "false"), false)).isFalse();
        assertThat(LoginVerdict.teaches(Map.of(RiskNotes.EVENT_VERIFIED, "false"), true)).isFalse();
    }

    @Test
    void aSignInNoAssessmentJudgedTeachesOnlyWhenTheUnsafeOptionIsOn() {
        // e.g. a password grant through admin-cli under Keycloak's stock direct-grant flow
        assertThat(LoginVerdict.teaches(Map.of("grant_type", "password"), false)).isFalse();
        assertThat(LoginVerdict.teaches(Map.of(), true)).isTrue();
    }
}
