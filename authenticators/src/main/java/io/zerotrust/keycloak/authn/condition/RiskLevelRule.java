package io.zerotrust.keycloak.authn.condition;

import java.util.Arrays;
import java.util.Locale;

import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.spi.OptionReader;

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

    /** Reads the stored config; an unreadable value falls back to its default and is reported to {@code config}. */
    public static RiskLevelRule read(OptionReader config) {
        RiskLevel level = config.enumValue(RiskLevelConditionFactory.CONFIG_LEVEL, DEFAULT_THRESHOLD, RiskLevel.class);
        String comparison = config.choice(RiskLevelConditionFactory.CONFIG_COMPARISON, DEFAULT_COMPARISON.key,
                Arrays.stream(Comparison.values()).map(Comparison::key).toArray(String[]::new));
        return new RiskLevelRule(level, Arrays.stream(Comparison.values()).filter(c -> c.key.equals(comparison))
                .findFirst().orElseThrow());
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
}
