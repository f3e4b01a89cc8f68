package io.zerotrust.keycloak.events.anomaly;

/** What an anomaly finding is about. */
public enum FindingKind {
    /** A sign-in unlike the user's history (statistical, per user). */
    UNUSUAL_LOGIN("Unusual sign-in for this user"),
    /** Many distinct accounts failing from one source: automated reuse of leaked credentials. */
    CREDENTIAL_STUFFING("Credential stuffing"),
    /** Many accounts with only one or two failures each: a few common passwords tried across accounts. */
    PASSWORD_SPRAY("Password spray"),
    /** A session's tokens used from another network or country than the one it signed in from. */
    TOKEN_THEFT("Session token used from another network"),
    /** The user's correct password used in a sign-in the pack refused: the password is known to someone else. */
    LEAKED_CREDENTIAL("Correct password used in a refused sign-in");

    private final String title;

    FindingKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
