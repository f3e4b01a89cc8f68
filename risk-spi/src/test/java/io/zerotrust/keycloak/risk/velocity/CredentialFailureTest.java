package io.zerotrust.keycloak.risk.velocity;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialFailureTest {

    @Test
    void wrongSecretsAndUnknownAccountsAreCredentialFailures() {
        assertThat(CredentialFailure.is("LOGIN_ERROR", "invalid_user_credentials", null)).isTrue();
        assertThat(CredentialFailure.is("LOGIN_ERROR", "user_not_found", Map.of())).isTrue();
    }

    @Test
    void aRefusalCountsOnlyWhenThePasswordWasVerified() {
        assertThat(CredentialFailure.is("LOGIN_ERROR", "access_denied", Map.of())).isFalse();
        assertThat(CredentialFailure.is("LOGIN_ERROR", "access_denied", Map.of("zt_password_verified", "true"))).isTrue();
        assertThat(CredentialFailure.is("LOGIN_ERROR", "access_denied", Map.of("zt_password_verified", "false"))).isFalse();
    }

    @Test
    void onlyLoginErrorsCount() {
        assertThat(CredentialFailure.is("LOGIN", "invalid_user_credentials", null)).isFalse();
        assertThat(CredentialFailure.is("CODE_TO_TOKEN_ERROR", "invalid_user_credentials", null)).isFalse();
        assertThat(CredentialFailure.is("LOGIN_ERROR", null, null)).isFalse();
    }
}
