package io.zerotrust.keycloak.bench.detection;

/** A risk model replayed over sign-ins: it judges each one, and learns those that teach. */
public interface LoginScorer {

    /** Short name for reports. */
    String name();

    /** Judges the sign-in by what was learned before it. */
    Verdict score(LoginRecord login);

    /** Learns a sign-in that teaches ({@link LoginRecord#teaches()}); called after it was scored. */
    void learn(LoginRecord login);
}
