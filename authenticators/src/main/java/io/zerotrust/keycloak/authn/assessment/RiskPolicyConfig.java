package io.zerotrust.keycloak.authn.assessment;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.engine.RiskPolicy;

import static io.zerotrust.keycloak.authn.assessment.RiskAssessmentAuthenticatorFactory.*;

/**
 * Reads a {@link RiskPolicy} from the step's stored configuration. A value that cannot be read falls back to its
 * default and is reported to {@code warn}, so a typo in the admin console never breaks sign-ins.
 */
final class RiskPolicyConfig {

    /** Keycloak's separator for multi-valued strings in authenticator config. */
    private static final String MULTI_SEPARATOR = "##";

    private RiskPolicyConfig() {
    }

    static RiskPolicy read(Map<String, String> config, Consumer<String> warn) {
        if (config == null || config.isEmpty()) {
            return RiskPolicy.defaults();
        }
        int mediumAt = readInt(config, CONFIG_MEDIUM_AT, RiskPolicy.DEFAULT_MEDIUM_AT, warn);
        int highAt = readInt(config, CONFIG_HIGH_AT, RiskPolicy.DEFAULT_HIGH_AT, warn);
        if (mediumAt < 0 || highAt > 100 || mediumAt > highAt) {
            warn.accept("thresholds " + mediumAt + "/" + highAt + " are not 0 <= MEDIUM <= HIGH <= 100; using defaults");
            mediumAt = RiskPolicy.DEFAULT_MEDIUM_AT;
            highAt = RiskPolicy.DEFAULT_HIGH_AT;
        }
        double prior = readDouble(config, CONFIG_PRIOR_LOG_ODDS, RiskPolicy.DEFAULT_PRIOR_LOG_ODDS, warn);
        RiskLevel fallback = readLevel(config.get(CONFIG_FALLBACK_LEVEL), warn);
        Set<String> enabled = new LinkedHashSet<>();
        for (String id : split(config.get(CONFIG_ENABLED_EVALUATORS))) {
            enabled.add(id);
        }
        Map<String, Double> weights = new HashMap<>();
        for (String pair : split(config.get(CONFIG_WEIGHTS))) {
            int colon = pair.indexOf(':');
            try {
                double weight = Double.parseDouble(pair.substring(colon + 1).trim());
                if (colon <= 0 || !(weight >= 0) || Double.isInfinite(weight)) {
                    throw new NumberFormatException();
                }
                weights.put(pair.substring(0, colon).trim(), weight);
            } catch (RuntimeException e) {
                warn.accept("weight '" + pair + "' is not id:number with number >= 0; ignored");
            }
        }
        return new RiskPolicy(prior, weights, mediumAt, highAt, fallback, enabled);
    }

    private static String[] split(String value) {
        if (value == null || value.isBlank()) {
            return new String[0];
        }
        return java.util.Arrays.stream(value.split(MULTI_SEPARATOR + "|[,\\s]+"))
                .map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    private static int readInt(Map<String, String> config, String key, int fallback, Consumer<String> warn) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            warn.accept(key + "='" + value + "' is not an integer; using " + fallback);
            return fallback;
        }
    }

    private static double readDouble(Map<String, String> config, String key, double fallback, Consumer<String> warn) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            if (Double.isNaN(parsed) || Double.isInfinite(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            warn.accept(key + "='" + value + "' is not a number; using " + fallback);
            return fallback;
        }
    }

    private static RiskLevel readLevel(String value, Consumer<String> warn) {
        if (value == null || value.isBlank()) {
            return RiskPolicy.DEFAULT_FALLBACK;
        }
        try {
            return RiskLevel.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            warn.accept(CONFIG_FALLBACK_LEVEL + "='" + value + "' is not LOW, MEDIUM or HIGH; using " + RiskPolicy.DEFAULT_FALLBACK);
            return RiskPolicy.DEFAULT_FALLBACK;
        }
    }
}
