package io.zerotrust.keycloak.authn.condition;

import java.util.Locale;
import java.util.function.Consumer;

import io.zerotrust.keycloak.risk.engine.RiskLevel;

/**
 * Decides whether an assessed level meets the configured threshold, e.g. "at least MEDIUM".
 *
 * @param threshold  the configured level
 * @param comparison whether the assessed level must be at least or at most the threshold
 */
public record RiskLevelRule(RiskLevel threshold, Comparison comparison) {

    /** How the assessed level is compared with the threshold; {@link #key()} is what the config stores. */
    public enum Comparison {
        AT_LEAST("at-least"),
        AT_MOST("at-most");

        private final String key;

        Comparison(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public static final RiskLevel DEFAULT_THRESHOLD = RiskLevel.MEDIUM;
    public static final Comparison DEFAULT_COMPARISON = Comparison.AT_LEAST;
    /** The level assumed when no assessment ran: the condition must never let a sign-in look safe by omission. */
    public static final RiskLevel LEVEL_WITHOUT_ASSESSMENT = RiskLevel.HIGH;

    public boolean matches(RiskLevel assessed) {
        return comparison == Comparison.AT_LEAST ? assessed.atLeast(threshold) : threshold.atLeast(assessed);
    }

    /** Reads the stored config; an unreadable value falls back to its default and is reported to {@code warn}. */
    public static RiskLevelRule read(String level, String comparison, Consumer<String> warn) {
        return new RiskLevelRule(readLevel(level, warn), readComparison(comparison, warn));
    }

    /**
     * The level recorded by the assessment note. A missing or unreadable note means no assessment can be trusted,
     * hence {@link #LEVEL_WITHOUT_ASSESSMENT}.
     */
    public static RiskLevel assessedLevel(String note) {
        if (note == null) {
            return LEVEL_WITHOUT_ASSESSMENT;
        }
        try {
            return RiskLevel.valueOf(note.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return LEVEL_WITHOUT_ASSESSMENT;
        }
    }

    private static RiskLevel readLevel(String value, Consumer<String> warn) {
        if (value == null || value.isBlank()) {
            return DEFAULT_THRESHOLD;
        }
        try {
            return RiskLevel.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            warn.accept("level '" + value + "' is not LOW, MEDIUM or HIGH; using " + DEFAULT_THRESHOLD);
            return DEFAULT_THRESHOLD;
        }
    }

    private static Comparison readComparison(String value, Consumer<String> warn) {
        if (value == null || value.isBlank()) {
            return DEFAULT_COMPARISON;
        }
        for (Comparison c : Comparison.values()) {
            if (c.key.equalsIgnoreCase(value.trim())) {
                return c;
            }
        }
        warn.accept("comparison '" + value + "' is not at-least or at-most; using " + DEFAULT_COMPARISON.key);
        return DEFAULT_COMPARISON;
    }
}
