package io.zerotrust.keycloak.risk.device;

import java.util.Objects;
import java.util.function.Function;

import org.jboss.logging.Logger;

/**
 * Reads server-wide evaluator options (as Keycloak's {@code Config.Scope#get} gives them) without ever failing:
 * a value that does not parse is logged once, at start-up, and replaced by its default, so a typo in a tuning
 * number never breaks sign-ins.
 */
public final class EvaluatorOptions {

    private static final Logger LOG = Logger.getLogger(EvaluatorOptions.class);

    private final String evaluatorId;
    private final Function<String, String> source;

    /**
     * @param evaluatorId for log messages
     * @param source      option key to raw value, null when unset
     */
    public EvaluatorOptions(String evaluatorId, Function<String, String> source) {
        this.evaluatorId = Objects.requireNonNull(evaluatorId, "evaluatorId");
        this.source = source == null ? key -> null : source;
    }

    /** The trimmed value, or null when unset or blank. */
    public String string(String key) {
        String value = source.apply(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String string(String key, String defaultValue) {
        String value = string(key);
        return value == null ? defaultValue : value;
    }

    /** A finite number, or the default when unset or unreadable. */
    public double logOdds(String key, double defaultValue) {
        String value = string(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warnf("zt-risk-evaluator %s: option %s=%s is not a number; using %s", evaluatorId, key, value, defaultValue);
        return defaultValue;
    }

    /** A number at least {@code min}, or the default when unset or unreadable. */
    public long atLeast(String key, long min, long defaultValue) {
        String value = string(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warnf("zt-risk-evaluator %s: option %s=%s is not a whole number >= %d; using %d", evaluatorId, key, value, min,
                defaultValue);
        return defaultValue;
    }
}
