package io.zerotrust.keycloak.bench.login;

/** How one login attempt of the load ended. Everything but {@link #SUCCESS} is a failed login. */
enum LoginOutcome {
    /** Redirected to the client with an authorization code. */
    SUCCESS("redirect with code"),
    /** The OTP page: the flow judged the sign-in risky (or the user has an OTP the stock flow asks for). */
    OTP_REQUESTED("OTP page"),
    /** Keycloak asked the user to enrol an OTP authenticator. */
    OTP_ENROLMENT_REQUESTED("OTP enrolment page"),
    /** The zt-deny refusal page. */
    DENIED("denied (zt-deny)"),
    /** The login form again: wrong credentials, an expired form, a disabled or locked user. */
    LOGIN_FORM_AGAIN("login form again"),
    /** Some other page (an error page, a required action such as updating the profile). */
    OTHER_PAGE("other page"),
    /** A redirect that carried no code, or an error, or went elsewhere. */
    REDIRECT_WITHOUT_CODE("redirect without code"),
    /** An HTTP status other than 200 or a redirect, on the login page or the credentials POST. */
    HTTP_ERROR("HTTP error"),
    /** The login page had no username/password form. */
    NO_LOGIN_FORM("no login form"),
    /** Connection refused, reset or timed out. */
    TRANSPORT_ERROR("transport error");

    private final String label;

    LoginOutcome(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
