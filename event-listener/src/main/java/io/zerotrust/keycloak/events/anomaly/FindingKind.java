package io.zerotrust.keycloak.events.anomaly;

/** What an anomaly finding is about. */
public enum FindingKind {
    /** A sign-in unlike the user's history (statistical, per user). */
    UNUSUAL_LOGIN("Unusual sign-in for this user", false),
    /** Many distinct accounts failing from one source: automated reuse of leaked credentials. */
    CREDENTIAL_STUFFING("Credential stuffing", true),
    /** Many accounts with only one or two failures each: a few common passwords tried across accounts. */
    PASSWORD_SPRAY("Password spray", true),
    /** A session's tokens used from another network or country than the one it signed in from. */
    TOKEN_THEFT("Session token used from another network", false),
    /** The user's correct password used in a sign-in the pack refused: the password is known to someone else. */
    LEAKED_CREDENTIAL("Correct password used in a refused sign-in", false);

    private final String title;
    private final boolean aboutSource;

    FindingKind(String title, boolean aboutSource) {
        this.title = title;
        this.aboutSource = aboutSource;
    }

    /**
     * Whether the finding is about a source address or network, not a user: the accounts it names were only
     * targeted, so it never acts on them.
     */
    public boolean aboutSource() {
        return aboutSource;
    }

    public String title() {
        return title;
    }
}
