package io.zerotrust.keycloak.risk.velocity;

import java.time.Instant;
import java.util.Objects;

/**
 * One failed login as the store keeps it.
 *
 * @param time    when it failed
 * @param userId  the user's id; for a username that matched no user, the attempted username, so that probing
 *                non-existent accounts still counts as distinct users
 * @param ip      client address, or null if unknown
 * @param network the address's network (ASN as a string), or null if unknown
 */
public record FailureRecord(Instant time, String userId, String ip, String network) {

    public FailureRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(userId, "userId");
    }
}
