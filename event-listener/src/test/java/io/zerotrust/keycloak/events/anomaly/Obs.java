package io.zerotrust.keycloak.events.anomaly;

import io.zerotrust.keycloak.risk.velocity.LoginFailuresSettings;

/** Observations for tests. */
final class Obs {

    private Obs() {
    }

    /** A heap memory with the login-failures evaluator's defaults. */
    static HeapScorerMemory memory() {
        return new HeapScorerMemory(ScorerSettings.DEFAULT, LoginFailuresSettings.defaults());
    }

    static AuthObservation login(long t, String user, String ip, String network, String country, String agent) {
        return new AuthObservation(t, "r1", ObservedKind.LOGIN, user, user, "s-" + user + "-" + t, ip, network,
                country, agent);
    }

    static AuthObservation failure(long t, String account, String ip, String network) {
        return new AuthObservation(t, "r1", ObservedKind.LOGIN_FAILURE, account, null, null, ip, network, "DE", null);
    }

    static AuthObservation session(ObservedKind kind, long t, String session, String network, String country) {
        return new AuthObservation(t, "r1", kind, "u-1", "u-1", session, "198.51.100.9", network, country, "Firefox/Linux");
    }
}
