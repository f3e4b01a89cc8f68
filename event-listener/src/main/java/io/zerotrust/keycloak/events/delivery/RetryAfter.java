package io.zerotrust.keycloak.events.delivery;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parses an HTTP {@code Retry-After} value: delay seconds or an HTTP date (RFC 9110 section 10.2.3). */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** @return milliseconds to wait (0 for a date in the past), or -1 when absent or unreadable */
    public static long millis(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? -1 : Math.multiplyExact(seconds, 1000L);
        } catch (NumberFormatException | ArithmeticException notSeconds) {
            // an HTTP date, then
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Math.max(0, at.toEpochMilli() - now.toEpochMilli());
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
