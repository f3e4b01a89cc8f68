package io.zerotrust.keycloak.events.delivery;

import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter (delay uniformly random in [0, min(cap, base * 2^attempt)]), which
 * spreads the retries of many nodes after a receiver outage instead of synchronising them.
 */
public final class Backoff {

    private final long baseMillis;
    private final long capMillis;
    private final DoubleSupplier random;

    public Backoff(long baseMillis, long capMillis, DoubleSupplier random) {
        this.baseMillis = baseMillis;
        this.capMillis = capMillis;
        this.random = random;
    }

    /** @param attempt 0 for the delay after the first failure */
    public long delayMillis(int attempt) {
        long ceiling = Math.min(capMillis, baseMillis << Math.min(attempt, 30));
        return (long) (random.getAsDouble() * (ceiling + 1));
    }
}
