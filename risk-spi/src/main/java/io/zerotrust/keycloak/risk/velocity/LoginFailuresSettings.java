package io.zerotrust.keycloak.risk.velocity;

/**
 * Thresholds of the login-failures evaluator, and the counting window the adapter uses.
 *
 * @param userFailuresThreshold failures of this user from which {@code LOGIN_FAILURES_USER} applies
 * @param stuffingDistinctUsers distinct users failing from this address for {@code CREDENTIAL_STUFFING_IP}
 * @param sprayDistinctUsers    distinct users with only one or two failures from this address for {@code PASSWORD_SPRAY_IP}
 * @param networkDistinctUsers  distinct users failing from this network for {@code CREDENTIAL_STUFFING_NETWORK}
 * @param windowMinutes         how far back failures are counted
 */
public record LoginFailuresSettings(int userFailuresThreshold, int stuffingDistinctUsers, int sprayDistinctUsers,
                                    int networkDistinctUsers, int windowMinutes) {

    public static final int DEFAULT_USER_FAILURES_THRESHOLD = 3;
    public static final int DEFAULT_STUFFING_DISTINCT_USERS = 5;
    public static final int DEFAULT_SPRAY_DISTINCT_USERS = 5;
    public static final int DEFAULT_NETWORK_DISTINCT_USERS = 20;
    public static final int DEFAULT_WINDOW_MINUTES = 15;

    public LoginFailuresSettings {
        if (userFailuresThreshold < 1 || stuffingDistinctUsers < 2 || sprayDistinctUsers < 2
                || networkDistinctUsers < 2 || windowMinutes < 1) {
            throw new IllegalArgumentException("invalid login-failures settings");
        }
    }

    public static LoginFailuresSettings defaults() {
        return new LoginFailuresSettings(DEFAULT_USER_FAILURES_THRESHOLD, DEFAULT_STUFFING_DISTINCT_USERS,
                DEFAULT_SPRAY_DISTINCT_USERS, DEFAULT_NETWORK_DISTINCT_USERS, DEFAULT_WINDOW_MINUTES);
    }

    /** The counting window for these settings. */
    public FailureWindow failureWindow() {
        return new FailureWindow(java.time.Duration.ofMinutes(windowMinutes));
    }
}
