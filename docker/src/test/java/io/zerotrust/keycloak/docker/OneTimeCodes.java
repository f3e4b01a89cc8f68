package io.zerotrust.keycloak.docker;

import java.util.Calendar;
import java.util.HashSet;
import java.util.Set;
import java.util.TimeZone;

import org.keycloak.models.utils.TimeBasedOTP;

/**
 * The codes of one authenticator app (secret), as the integration tests' OneTimeCodes gives them: Keycloak refuses
 * a code used before and accepts the neighbouring periods' codes, so a second sign-in within a period gets the next
 * period's code instead of waiting for it, as long as one of them is unused.
 */
final class OneTimeCodes {

    private static final int PERIOD_SECONDS = 30;

    private final String secret;
    private final Set<Long> used = new HashSet<>();

    OneTimeCodes(String secret) {
        this.secret = secret;
    }

    /** The next unused code; after three in one period, waits for the next period (time has to pass). */
    synchronized String next() throws InterruptedException {
        while (true) {
            long millis = System.currentTimeMillis();
            long now = millis / 1000 / PERIOD_SECONDS;
            for (long period : new long[]{now, now + 1, now - 1}) {
                if (used.add(period)) {
                    Calendar at = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
                    at.setTimeInMillis(period * PERIOD_SECONDS * 1000 + PERIOD_SECONDS * 500L);
                    TimeBasedOTP otp = new TimeBasedOTP();
                    otp.setCalendar(at);
                    return otp.generateTOTP(secret);
                }
            }
            Thread.sleep((now + 1) * PERIOD_SECONDS * 1000 - millis + 100);
        }
    }
}
