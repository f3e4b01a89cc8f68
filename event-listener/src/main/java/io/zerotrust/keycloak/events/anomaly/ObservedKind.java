package io.zerotrust.keycloak.events.anomaly;

/** What an event means to the scorer. */
public enum ObservedKind {
    /** A completed sign-in: scored against and then added to the user's history. */
    LOGIN,
    /**
     * A completed sign-in the pack did not verify (no assessment in its flow, or its step-up not met): scored and
     * tracked like {@link #LOGIN}, never added to the user's history, which learns only from verified sign-ins.
     */
    UNVERIFIED_LOGIN,
    /** A sign-in failed on a wrong secret or unknown account: counted per source. */
    LOGIN_FAILURE,
    /**
     * A sign-in refused after the user's password was verified: a credential failure like {@link #LOGIN_FAILURE}
     * and evidence that the password leaked.
     */
    VERIFIED_PASSWORD_REFUSED,
    /** A refresh or token exchange in an existing session: compared with the session's sign-in. */
    SESSION_USE,
    /** The session ended: forgotten. */
    LOGOUT,
    /** Anything else: ignored. */
    OTHER
}
