package io.zerotrust.keycloak.risk.velocity;

/**
 * The one judgement of an attack across accounts, from the failures around one source: what the login-time
 * evaluator scores and what the event scorer reports as a finding. At most one applies, in this order: the three
 * describe one attacker at different scopes, and counting them together would count the same failures twice.
 */
public enum CrossAccountAttack {
    /** Many accounts failed only once or twice each from the address: few passwords tried across accounts. */
    SPRAY_IP,
    /** Many accounts failed from the address. */
    STUFFING_IP,
    /** Many accounts failed from the address's network: the attack spread over many addresses. */
    STUFFING_NETWORK;

    /** The attack the counts show under these thresholds, or null. */
    public static CrossAccountAttack of(FailureCounts counts, LoginFailuresSettings settings) {
        if (counts.ipUsersWithFewFailures() >= settings.sprayDistinctUsers()) {
            return SPRAY_IP;
        }
        if (counts.ipDistinctUsers() >= settings.stuffingDistinctUsers()) {
            return STUFFING_IP;
        }
        if (counts.networkDistinctUsers() >= settings.networkDistinctUsers()) {
            return STUFFING_NETWORK;
        }
        return null;
    }

    /** Whether it is about the address itself rather than its network. */
    public boolean byAddress() {
        return this != STUFFING_NETWORK;
    }

    /** How many accounts it rests on. */
    public int accounts(FailureCounts counts) {
        return switch (this) {
            case SPRAY_IP -> counts.ipUsersWithFewFailures();
            case STUFFING_IP -> counts.ipDistinctUsers();
            case STUFFING_NETWORK -> counts.networkDistinctUsers();
        };
    }

    /** The number of accounts from which it applies under these settings. */
    public int threshold(LoginFailuresSettings settings) {
        return switch (this) {
            case SPRAY_IP -> settings.sprayDistinctUsers();
            case STUFFING_IP -> settings.stuffingDistinctUsers();
            case STUFFING_NETWORK -> settings.networkDistinctUsers();
        };
    }
}
