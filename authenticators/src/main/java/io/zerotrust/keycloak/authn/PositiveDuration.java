package io.zerotrust.keycloak.authn;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Consumer;

/** A flow step's ISO-8601 duration setting: a value that is not a positive duration is reported and replaced. */
public final class PositiveDuration {

    private PositiveDuration() {
    }

    /**
     * @param raw      the configured value, may be null or blank (the default then applies silently)
     * @param fallback the default, an ISO-8601 duration such as {@code P30D}
     * @param what     the setting's name in problems, e.g. "trust duration"
     */
    public static Duration read(String raw, String fallback, String what, Consumer<String> problems) {
        Duration defaultValue = Duration.parse(fallback);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            Duration parsed = Duration.parse(raw.strip().toUpperCase(Locale.ROOT));
            if (!parsed.isNegative() && !parsed.isZero()) {
                return parsed;
            }
            problems.accept(what + " '" + raw + "' is not positive; using " + fallback);
        } catch (DateTimeParseException e) {
            problems.accept(what + " '" + raw + "' is not an ISO-8601 duration such as " + fallback + "; using " + fallback);
        }
        return defaultValue;
    }
}
