package io.zerotrust.keycloak.events.anomaly;

/** Observations for tests. */
final class Obs {

    private Obs() {
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
