package io.zerotrust.keycloak.risk.velocity;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns recent failure records into the {@link FailureCounts} of one attempt: pure counting, so the adapter only
 * has to fetch the records. A record counts when its time is not before {@code now - length}; records stamped
 * slightly after {@code now} still count, because another cluster node's clock may run ahead.
 */
public final class FailureWindow {

    /** At most this many failures per user from one address is the password-spray shape (one guess, maybe a retry). */
    public static final int FEW_FAILURES = 2;

    private final Duration length;

    public FailureWindow(Duration length) {
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + length);
        }
        this.length = length;
    }

    public Duration length() {
        return length;
    }

    /** The earliest time a record may have to be counted at {@code now}; the adapter may query from here. */
    public Instant start(Instant now) {
        return now.minus(length);
    }

    /**
     * @param recent  failure records (any order; older ones are ignored)
     * @param userId  the user of this attempt, or null; only the user's failures from this address or network count
     *                for them, so that a stranger failing the account from elsewhere cannot raise its risk
     * @param ip      this attempt's client address, or null (then the address counts are 0)
     * @param network this address's network, or null (then the network count is 0)
     * @param now     the time of this attempt
     */
    public FailureCounts count(Collection<FailureRecord> recent, String userId, String ip, String network, Instant now) {
        Instant start = start(now);
        int userFailures = 0;
        int ipFailures = 0;
        Map<String, Integer> failuresByUserFromIp = new HashMap<>();
        Set<String> usersFromNetwork = new HashSet<>();
        for (FailureRecord r : recent) {
            if (r.time().isBefore(start)) {
                continue;
            }
            boolean sameIp = ip != null && ip.equals(r.ip());
            boolean sameNetwork = network != null && network.equals(r.network());
            if (userId != null && userId.equals(r.userId()) && (sameIp || sameNetwork)) {
                userFailures++;
            }
            if (sameIp) {
                ipFailures++;
                failuresByUserFromIp.merge(r.userId(), 1, Integer::sum);
            }
            if (sameNetwork) {
                usersFromNetwork.add(r.userId());
            }
        }
        int fewFailures = (int) failuresByUserFromIp.values().stream().filter(n -> n <= FEW_FAILURES).count();
        return new FailureCounts(userFailures, ipFailures, failuresByUserFromIp.size(), fewFailures, usersFromNetwork.size());
    }
}
