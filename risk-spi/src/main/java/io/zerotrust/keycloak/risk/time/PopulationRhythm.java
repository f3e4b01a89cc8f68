package io.zerotrust.keycloak.risk.time;

import java.util.Arrays;

import io.zerotrust.keycloak.risk.profile.UserRiskProfile;

/**
 * The realm's rhythm: the hour-of-week counts of every user's learned (verified) sign-ins, summed. An empty
 * rhythm (a cold realm) says nothing, and the time rule then compares with a uniform spread.
 */
public final class PopulationRhythm {

    private static final PopulationRhythm EMPTY = new PopulationRhythm(new long[UserRiskProfile.HOURS_PER_WEEK]);

    private final long[] counts;
    private final long total;

    private PopulationRhythm(long[] counts) {
        this.counts = counts;
        this.total = Arrays.stream(counts).sum();
    }

    /** @param counts 168 non-negative counters, Monday 00:00 UTC first (as {@link HourOfWeek#index}) */
    public static PopulationRhythm of(long[] counts) {
        if (counts == null || counts.length != UserRiskProfile.HOURS_PER_WEEK) {
            throw new IllegalArgumentException("a rhythm has 168 hour-of-week counters");
        }
        for (long count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("negative hour-of-week count");
            }
        }
        return new PopulationRhythm(counts.clone());
    }

    public static PopulationRhythm empty() {
        return EMPTY;
    }

    public long total() {
        return total;
    }

    public long count(int hourOfWeek) {
        return counts[hourOfWeek];
    }

    public long[] counts() {
        return counts.clone();
    }
}
