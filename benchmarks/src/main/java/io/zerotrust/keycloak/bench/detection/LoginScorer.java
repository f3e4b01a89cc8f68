package io.zerotrust.keycloak.bench.detection;

/** A risk model replayed over sign-ins: it judges each one, and learns those that teach. */
public interface LoginScorer {

    /** Short name for reports. */
    String name();

    /** Judges the sign-in by what was learned before it. */
    Verdict score(LoginRecord login);

    /**
     * Whether the sign-in, judged {@code verdict} by this scorer, teaches it: by default when it is recorded as
     * verified ({@link LoginRecord#teaches()}).
     */
    default boolean teaches(LoginRecord login, Verdict verdict) {
        return login.teaches();
    }

    /** Learns a sign-in that {@link #teaches teaches}; called after it was scored. */
    void learn(LoginRecord login);
}
