package io.zerotrust.keycloak.bench.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class LoginPagesTest {

    private static final String REDIRECT = "http://127.0.0.1/zt-load/callback";

    @Test
    void findsTheLoginFormsActionUnescaped() {
        String html = "<form id=\"kc-select-locale\" action=\"/other\"></form>"
                + "<form id=\"kc-form-login\" onsubmit=\"login.disabled = true; return true;\" action=\""
                + "http://127.0.0.1:8181/realms/demo/login-actions/authenticate?session_code=a&amp;execution=b&amp;"
                + "client_id=c&amp;tab_id=d\" method=\"post\">";

        assertThat(LoginPages.loginFormAction(html)).contains("http://127.0.0.1:8181/realms/demo/login-actions/"
                + "authenticate?session_code=a&execution=b&client_id=c&tab_id=d");
    }

    @Test
    void noLoginFormOnOtherPages() {
        assertThat(LoginPages.loginFormAction("<form id=\"kc-otp-login-form\" action=\"/x\">")).isEmpty();
    }

    @Test
    void onlyARedirectToTheClientWithACodeIsASuccess() {
        assertThat(LoginPages.outcome(302, Optional.of(REDIRECT + "?state=s&session_state=x&iss=i&code=abc"), "", REDIRECT))
                .isEqualTo(LoginOutcome.SUCCESS);
        assertThat(LoginPages.outcome(302, Optional.of(REDIRECT + "?error=access_denied&state=s"), "", REDIRECT))
                .isEqualTo(LoginOutcome.REDIRECT_WITHOUT_CODE);
        assertThat(LoginPages.outcome(302, Optional.of(REDIRECT + "?state=s&code="), "", REDIRECT))
                .isEqualTo(LoginOutcome.REDIRECT_WITHOUT_CODE);
        assertThat(LoginPages.outcome(302, Optional.of("http://elsewhere/?code=abc"), "", REDIRECT))
                .isEqualTo(LoginOutcome.REDIRECT_WITHOUT_CODE);
        assertThat(LoginPages.outcome(302, Optional.empty(), "", REDIRECT))
                .isEqualTo(LoginOutcome.REDIRECT_WITHOUT_CODE);
    }

    @Test
    void tellsTheStepUpAndRefusalPagesApart() {
        assertThat(LoginPages.outcome(200, Optional.empty(), "<form id=\"kc-otp-login-form\" action=\"x\">", REDIRECT))
                .isEqualTo(LoginOutcome.OTP_REQUESTED);
        assertThat(LoginPages.outcome(200, Optional.empty(), "<form id=\"kc-totp-settings-form\">", REDIRECT))
                .isEqualTo(LoginOutcome.OTP_ENROLMENT_REQUESTED);
        assertThat(LoginPages.outcome(200, Optional.empty(), "<div id=\"zt-denied\" role=\"alert\">", REDIRECT))
                .isEqualTo(LoginOutcome.DENIED);
        assertThat(LoginPages.outcome(200, Optional.empty(), "<form id=\"kc-form-login\" action=\"x\">", REDIRECT))
                .isEqualTo(LoginOutcome.LOGIN_FORM_AGAIN);
        assertThat(LoginPages.outcome(200, Optional.empty(), "<h1>Update your profile</h1>", REDIRECT))
                .isEqualTo(LoginOutcome.OTHER_PAGE);
        assertThat(LoginPages.outcome(500, Optional.empty(), "", REDIRECT)).isEqualTo(LoginOutcome.HTTP_ERROR);
    }

    @Test
    void readsTheDenialReference() {
        assertThat(LoginPages.denialReference("<p>Reference: <strong id=\"zt-reference\" class=\"zt-reference\">"
                + "K7Q2M-XR9TD</strong></p>")).contains("K7Q2M-XR9TD");
        assertThat(LoginPages.denialReference("<p>nothing</p>")).isEmpty();
    }
}
