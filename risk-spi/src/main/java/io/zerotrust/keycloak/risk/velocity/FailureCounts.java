package io.zerotrust.keycloak.risk.velocity;

/**
 * Recent failed logins around this attempt, counted over the window the store was asked for.
 *
 * @param userFailures           failures of this user from this address or its network (not from anywhere: a
 *                               stranger failing the account elsewhere must not raise its owner's risk)
 * @param ipFailures             failures from this client address, any user
 * @param ipDistinctUsers        distinct users that failed from this address
 * @param ipUsersWithFewFailures distinct users with only one or two failures from this address (the spray shape)
 * @param networkDistinctUsers   distinct users that failed from this address's network (ASN)
 */
public record FailureCounts(int userFailures, int ipFailures, int ipDistinctUsers, int ipUsersWithFewFailures,
                            int networkDistinctUsers) {

    public static FailureCounts none() {
        return new FailureCounts(0, 0, 0, 0, 0);
    }
}
