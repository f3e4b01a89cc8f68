package io.zerotrust.keycloak.authn.factor;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedFactorTest {

    @Test
    void aValidatedOneTimeCodeSecurityKeyOrRecoveryCodeIsASecondFactor() {
        assertThat(VerifiedFactor.anySecondFactor(List.of("password", "otp"))).isTrue();
        assertThat(VerifiedFactor.anySecondFactor(List.of("webauthn"))).isTrue();
        assertThat(VerifiedFactor.anySecondFactor(List.of("webauthn-passwordless"))).isTrue();
        assertThat(VerifiedFactor.anySecondFactor(List.of("password", "recovery-authn-codes"))).isTrue();
    }

    @Test
    void aPasswordAloneOrNothingRecordedIsNone() {
        // Keycloak's Conditional OTP Form that skips the code records nothing, so it lands here
        assertThat(VerifiedFactor.anySecondFactor(List.of())).isFalse();
        assertThat(VerifiedFactor.anySecondFactor(null)).isFalse();
        assertThat(VerifiedFactor.anySecondFactor(List.of("password"))).isFalse();
        assertThat(VerifiedFactor.anySecondFactor(List.of("password", "kerberos", "cert"))).isFalse();
    }
}
