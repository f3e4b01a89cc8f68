package io.zerotrust.keycloak.risk.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.jboss.logging.Logger;
import org.keycloak.Config;

/**
 * Reads an evaluator's server-wide options ({@code --spi-zt-risk-evaluator--<id>--<key>}) so that a bad value
 * never stops Keycloak from starting: it is logged with its key and value and replaced by the default.
 * A typo in a risk option should cost precision, not sign-ins.
 */
public final class EvaluatorOptions {

    private static final Logger LOG = Logger.getLogger(EvaluatorOptions.class);

    private final String evaluatorId;
    private final Function<String, String> source;
    /** Null: problems are logged; otherwise they are kept here, to refuse a realm's settings when they are saved. */
    private final List<String> collected;

    /**
     * @param evaluatorId the factory id, named in log messages
     * @param scope       the scope Keycloak passed to {@code init}; null reads every option as unset
     */
    public EvaluatorOptions(String evaluatorId, Config.Scope scope) {
        this(evaluatorId, scope == null ? null : scope::get);
    }

    /**
     * @param evaluatorId the factory id, named in log messages
     * @param source      option values by key; null reads every option as unset
     */
    public EvaluatorOptions(String evaluatorId, Function<String, String> source) {
        this(evaluatorId, source, null);
    }

    private EvaluatorOptions(String evaluatorId, Function<String, String> source, List<String> collected) {
        this.evaluatorId = evaluatorId;
        this.source = source == null ? key -> null : source;
        this.collected = collected;
    }

    /** Options whose problems are kept in {@link #problems()} instead of logged: for validating values before use. */
    public static EvaluatorOptions collecting(String evaluatorId, Function<String, String> source) {
        return new EvaluatorOptions(evaluatorId, source, new ArrayList<>());
    }

    /** The problems found so far when {@link #collecting collecting}; empty otherwise. */
    public List<String> problems() {
        return collected == null ? List.of() : List.copyOf(collected);
    }

    /** The trimmed value, or null when unset or blank. */
    public String string(String key) {
        return raw(key);
    }

    /** The trimmed value, or {@code defaultValue} when unset or blank. */
    public String string(String key, String defaultValue) {
        String raw = raw(key);
        return raw == null ? defaultValue : raw;
    }

    /** Log-odds: any finite number; anything else is logged and replaced by {@code defaultValue}. */
    public double logOdds(String key, double defaultValue) {
        return decimal(key, defaultValue, -Double.MAX_VALUE, Double.MAX_VALUE);
    }

    /** A whole number in {@code [min, max]}; anything else is logged and replaced by {@code defaultValue}. */
    public int integer(String key, int defaultValue, int min, int max) {
        String raw = raw(key);
        if (raw == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range value
        }
        invalid(key, raw, "expected a whole number from " + min + " to " + max, defaultValue);
        return defaultValue;
    }

    /** A finite decimal in {@code [min, max]}; anything else is logged and replaced by {@code defaultValue}. */
    public double decimal(String key, double defaultValue, double min, double max) {
        String raw = raw(key);
        if (raw == null) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(raw);
            if (Double.isFinite(value) && value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        invalid(key, raw, String.format(Locale.ROOT, "expected a number from %s to %s", min, max), defaultValue);
        return defaultValue;
    }

    /** Logs a value the caller could not use; the caller then applies {@code defaultValue}. */
    public void invalid(String key, String value, String problem, Object defaultValue) {
        problem(String.format(Locale.ROOT, "option %s='%s' is invalid (%s); using the default '%s'",
                key, value, problem, defaultValue));
    }

    /** Reports a value that costs precision (the caller applies a default): logged as a warning, or collected. */
    public void problem(String message) {
        if (collected != null) {
            collected.add(message);
        } else {
            LOG.warnf("zt-risk-evaluator %s: %s", evaluatorId, message);
        }
    }

    /**
     * Reports a configuration that makes the evaluator unusable; collected, or else not reported here
     * ({@code false}): the caller then logs it in its own words.
     */
    public boolean collect(String message) {
        if (collected == null) {
            return false;
        }
        collected.add(message);
        return true;
    }

    private String raw(String key) {
        String value = source.apply(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.trim();
    }
}
