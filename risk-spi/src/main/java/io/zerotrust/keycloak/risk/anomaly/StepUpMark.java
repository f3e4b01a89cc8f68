package io.zerotrust.keycloak.risk.anomaly;

import java.time.Instant;

/**
 * The user attribute {@value #ATTRIBUTE} = {@code <findingId>;<expiry epoch seconds>}: a finding asked that the
 * user's next sign-in steps up. The risk engine reads it (and treats an expired mark as absent); analyst
 * feedback "false positive" removes it.
 *
 * @param findingId the finding that asked for it
 * @param expiresAt when it stops applying
 */
public record StepUpMark(String findingId, Instant expiresAt) {

    public static final String ATTRIBUTE = "zt.anomaly.stepUp";

    public String format() {
        return findingId + ";" + expiresAt.getEpochSecond();
    }

    /** @return the mark, or null when the value is absent or malformed */
    public static StepUpMark parse(String value) {
        if (value == null) {
            return null;
        }
        int separator = value.lastIndexOf(';');
        if (separator <= 0) {
            return null;
        }
        try {
            return new StepUpMark(value.substring(0, separator),
                    Instant.ofEpochSecond(Long.parseLong(value.substring(separator + 1))));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
