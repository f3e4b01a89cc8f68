package io.zerotrust.keycloak.bench.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * When one user signs in: two peaks a day in local time (a morning one between 07:00 and 11:00, an evening one
 * between 17:00 and 22:00, each user's own, spread 1 to 2.5 hours), weekends taken up only with the user's own
 * propensity (10% to 100%), and 5% of logins at any hour. Local time is the home city's standard time.
 *
 * @param utcOffsetMinutes home offset
 * @param morning          local hour of the morning peak
 * @param evening          local hour of the evening peak
 * @param morningShare     share of the day's logins around the morning peak
 * @param spreadHours      standard deviation of each peak
 * @param weekendPropensity how likely a login day that falls on a weekend is kept
 */
public record Habit(int utcOffsetMinutes, double morning, double evening, double morningShare, double spreadHours,
                    double weekendPropensity) {

    private static final double ANY_HOUR = 0.05;

    public static Habit draw(City home, Random random) {
        return new Habit(home.utcOffsetMinutes(), 7 + 4 * random.nextDouble(), 17 + 5 * random.nextDouble(),
                0.2 + 0.6 * random.nextDouble(), 1 + 1.5 * random.nextDouble(), 0.1 + 0.9 * random.nextDouble());
    }

    /** Whether a login may fall on this day of the calendar ({@link Device#EPOCH} is day 0, a Monday). */
    public boolean keepsDay(long day, Random random) {
        boolean weekend = Math.floorMod(day, 7) >= 5;
        return !weekend || random.nextDouble() < weekendPropensity;
    }

    /** A login time on local calendar day {@code day}, drawn from the habit. */
    public Instant timeOn(long day, Random random) {
        double hour;
        if (random.nextDouble() < ANY_HOUR) {
            hour = 24 * random.nextDouble();
        } else {
            double peak = random.nextDouble() < morningShare ? morning : evening;
            hour = Math.floorMod((long) Math.floor((peak + spreadHours * random.nextGaussian()) * 60), 24 * 60) / 60.0;
        }
        long localMinute = day * 24 * 60 + (long) Math.floor(hour * 60);
        return Device.EPOCH.plus(Duration.ofMinutes(localMinute - utcOffsetMinutes)).plusSeconds(random.nextInt(60));
    }
}
