package io.zerotrust.keycloak.risk.spi;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.keycloak.Config;

/**
 * The one way the extension reads its options: server-wide SPI options ({@code Config.Scope}), a realm's tuning
 * values and a flow step's stored configuration alike. A bad value never stops Keycloak or a sign-in: it is
 * reported with its key and value and replaced by the default. Reported means logged as a warning naming the
 * component, or, for a reader made {@link #collecting collecting}, kept in {@link #problems()} for the caller (the
 * realm tuning page refuses a save with them; a flow step logs them with its realm and alias).
 */
public final class OptionReader {

    private static final Logger LOG = Logger.getLogger(OptionReader.class);

    private final String component;
    private final Function<String, String> source;
    /** Null: problems are logged; otherwise they are kept here. */
    private final List<String> collected;

    /**
     * @param component what owns the options (e.g. {@code zt-risk-evaluator login-failures}), named in log messages
     * @param scope     the scope Keycloak passed to {@code init}; null reads every option as unset
     */
    public OptionReader(String component, Config.Scope scope) {
        this(component, scope == null ? null : scope::get);
    }

    /**
     * @param component what owns the options, named in log messages
     * @param source    option values by key; null reads every option as unset
     */
    public OptionReader(String component, Function<String, String> source) {
        this(component, source, null);
    }

    private OptionReader(String component, Function<String, String> source, List<String> collected) {
        this.component = component;
        this.source = source == null ? key -> null : source;
        this.collected = collected;
    }

    /** A reader whose problems are kept in {@link #problems()} instead of logged. */
    public static OptionReader collecting(String component, Function<String, String> source) {
        return new OptionReader(component, source, new ArrayList<>());
    }

    /** A collecting reader of a stored configuration map (a flow step's); a null map reads every option as unset. */
    public static OptionReader collecting(String component, Map<String, String> values) {
        return collecting(component, values == null ? null : values::get);
    }

    /** The label of an evaluator's options in the log: {@code zt-risk-evaluator <id>}. */
    public static String evaluator(String evaluatorId) {
        return RiskEvaluatorSpi.NAME + " " + evaluatorId;
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

    /** Log-odds: any finite number; anything else is reported and replaced by {@code defaultValue}. */
    public double logOdds(String key, double defaultValue) {
        return decimal(key, defaultValue, -Double.MAX_VALUE, Double.MAX_VALUE);
    }

    /** A whole number of at least {@code min}; anything else is reported and replaced by {@code defaultValue}. */
    public int integer(String key, int defaultValue, int min) {
        return integer(key, defaultValue, min, Integer.MAX_VALUE);
    }

    /** A whole number in {@code [min, max]}; anything else is reported and replaced by {@code defaultValue}. */
    public int integer(String key, int defaultValue, int min, int max) {
        return whole(key, (long) defaultValue, min, max).intValue();
    }

    /** A whole number of at least {@code min}, if set; anything else is reported and ignored. */
    public OptionalInt optionalInteger(String key, int min) {
        Long value = whole(key, null, min, Integer.MAX_VALUE);
        return value == null ? OptionalInt.empty() : OptionalInt.of(value.intValue());
    }

    /** A whole number of at least {@code min}, as a long; anything else is reported and replaced. */
    public long longInteger(String key, long defaultValue, long min) {
        return whole(key, defaultValue, min, Long.MAX_VALUE);
    }

    /**
     * A duration given as a whole number in the unit its key names ({@code -ms}, {@code -minutes}, ...), of at
     * least {@code min} units; anything else is reported and replaced by {@code defaultAmount} units.
     */
    public Duration duration(String key, long defaultAmount, ChronoUnit unit, long min) {
        return Duration.of(whole(key, defaultAmount, min, Long.MAX_VALUE), unit);
    }

    /**
     * A positive ISO-8601 duration such as {@code P30D} (case does not matter); anything else is reported and
     * replaced by {@code defaultValue}, itself an ISO-8601 duration (shown as written in the report).
     */
    public Duration isoDuration(String key, String defaultValue) {
        Duration fallback = Duration.parse(defaultValue);
        String raw = raw(key);
        if (raw == null) {
            return fallback;
        }
        try {
            Duration value = Duration.parse(raw.toUpperCase(Locale.ROOT));
            if (!value.isNegative() && !value.isZero()) {
                return value;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        invalid(key, raw, "expected a positive ISO-8601 duration such as " + defaultValue, defaultValue);
        return fallback;
    }

    /** A finite decimal in {@code [min, max]}; anything else is reported and replaced by {@code defaultValue}. */
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
        invalid(key, raw, expectedNumber(min, max), defaultValue);
        return defaultValue;
    }

    /** A finite number above zero; anything else is reported and replaced by {@code defaultValue}. */
    public double positiveDecimal(String key, double defaultValue) {
        return decimal(key, defaultValue, Double.MIN_VALUE, Double.MAX_VALUE);
    }

    /** {@code true} or {@code false} (any case); anything else is reported and replaced by {@code defaultValue}. */
    public boolean bool(String key, boolean defaultValue) {
        String raw = raw(key);
        if (raw == null) {
            return defaultValue;
        }
        if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(raw);
        }
        invalid(key, raw, "expected true or false", defaultValue);
        return defaultValue;
    }

    /**
     * One of {@code choices} (by key, matched without regard to case); anything else is reported and replaced by
     * {@code defaultValue}.
     */
    public <T> T choice(String key, T defaultValue, Map<String, T> choices) {
        String raw = raw(key);
        if (raw == null) {
            return defaultValue;
        }
        for (Map.Entry<String, T> choice : choices.entrySet()) {
            if (choice.getKey().equalsIgnoreCase(raw)) {
                return choice.getValue();
            }
        }
        invalid(key, raw, "expected one of " + String.join(", ", choices.keySet()), defaultValue);
        return defaultValue;
    }

    /**
     * One of {@code choices} (matched without regard to case, returned as spelt there); anything else is reported
     * and replaced by {@code defaultValue}.
     */
    public String choice(String key, String defaultValue, String... choices) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String choice : choices) {
            byName.put(choice, choice);
        }
        return choice(key, defaultValue, byName);
    }

    /** A constant of {@code type} by name (any case); anything else is reported and replaced by {@code defaultValue}. */
    public <E extends Enum<E>> E enumValue(String key, E defaultValue, Class<E> type) {
        Map<String, E> choices = new LinkedHashMap<>();
        for (E constant : type.getEnumConstants()) {
            choices.put(constant.name(), constant);
        }
        return choice(key, defaultValue, choices);
    }

    /** The non-blank, trimmed entries of the value split at {@code separator}; empty when unset or blank. */
    public List<String> list(String key, Pattern separator) {
        String raw = raw(key);
        if (raw == null) {
            return List.of();
        }
        return Arrays.stream(separator.split(raw)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Reports a value the caller could not use; the caller then applies {@code defaultValue}, or ignores the value
     * when it is null (an entry of a list, a setting without default).
     */
    public void invalid(String key, String value, String problem, Object defaultValue) {
        problem(String.format(Locale.ROOT, "option %s='%s' is invalid (%s); %s", key, value, problem,
                defaultValue == null ? "ignored" : "using the default '" + defaultValue + "'"));
    }

    /** Reports a value that costs precision (the caller applies a default): logged as a warning, or collected. */
    public void problem(String message) {
        if (collected != null) {
            collected.add(message);
        } else {
            LOG.warnf("%s: %s", component, message);
        }
    }

    /**
     * Reports a configuration that makes the component unusable; collected, or else not reported here
     * ({@code false}): the caller then logs it in its own words.
     */
    public boolean collect(String message) {
        if (collected == null) {
            return false;
        }
        collected.add(message);
        return true;
    }

    /** The whole number, or {@code defaultValue} (null: none) when unset or reported. */
    private Long whole(String key, Long defaultValue, long min, long max) {
        String raw = raw(key);
        if (raw == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range value
        }
        String expected = max == Integer.MAX_VALUE || max == Long.MAX_VALUE
                ? "expected a whole number of at least " + min
                : "expected a whole number from " + min + " to " + max;
        invalid(key, raw, expected, defaultValue);
        return defaultValue;
    }

    private static String expectedNumber(double min, double max) {
        if (min == -Double.MAX_VALUE && max == Double.MAX_VALUE) {
            return "expected a finite number";
        }
        if (min == Double.MIN_VALUE && max == Double.MAX_VALUE) {
            return "expected a positive number";
        }
        if (max == Double.MAX_VALUE) {
            return String.format(Locale.ROOT, "expected a number of at least %s", min);
        }
        return String.format(Locale.ROOT, "expected a number from %s to %s", min, max);
    }

    private String raw(String key) {
        String value = source.apply(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.trim();
    }
}
