package io.zerotrust.keycloak.authn.assessment;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.engine.RiskPolicy;
import io.zerotrust.keycloak.risk.spi.OptionReader;

import static io.zerotrust.keycloak.authn.assessment.RiskAssessmentAuthenticatorFactory.*;

/**
 * Reads a {@link RiskPolicy} from the step's stored configuration through an {@link OptionReader}. A value that
 * cannot be read falls back to its default and is reported to {@code warn}, so a typo in the admin console never breaks sign-ins.
 */
final class RiskPolicyConfig {

    /** Keycloak's separator for multi-valued strings in authenticator config, or commas and white space. */
    private static final Pattern SEPARATOR = Pattern.compile("##|[,\\s]+");

    private RiskPolicyConfig() {
    }

    static RiskPolicy read(Map<String, String> config, Consumer<String> warn) {
        if (config == null || config.isEmpty()) {
            return RiskPolicy.defaults();
        }
        OptionReader options = OptionReader.collecting(PROVIDER_ID, config);
        int mediumAt = options.integer(CONFIG_MEDIUM_AT, RiskPolicy.DEFAULT_MEDIUM_AT, 0, 100);
        int highAt = options.integer(CONFIG_HIGH_AT, RiskPolicy.DEFAULT_HIGH_AT, 0, 100);
        if (mediumAt > highAt) {
            options.problem("thresholds " + mediumAt + "/" + highAt + " are not 0 <= MEDIUM <= HIGH <= 100; using defaults");
            mediumAt = RiskPolicy.DEFAULT_MEDIUM_AT;
            highAt = RiskPolicy.DEFAULT_HIGH_AT;
        }
        double prior = options.logOdds(CONFIG_PRIOR_LOG_ODDS, RiskPolicy.DEFAULT_PRIOR_LOG_ODDS);
        RiskLevel fallback = options.enumValue(CONFIG_FALLBACK_LEVEL, RiskPolicy.DEFAULT_FALLBACK, RiskLevel.class);
        Set<String> enabled = new LinkedHashSet<>(options.list(CONFIG_ENABLED_EVALUATORS, SEPARATOR));
        Map<String, Double> weights = new HashMap<>();
        for (String pair : options.list(CONFIG_WEIGHTS, SEPARATOR)) {
            int colon = pair.indexOf(':');
            try {
                double weight = Double.parseDouble(pair.substring(colon + 1).trim());
                if (colon <= 0 || !(weight >= 0) || Double.isInfinite(weight)) {
                    throw new NumberFormatException();
                }
                weights.put(pair.substring(0, colon).trim(), weight);
            } catch (RuntimeException e) {
                options.invalid(CONFIG_WEIGHTS, pair, "expected id:number with number >= 0", null);
            }
        }
        options.problems().forEach(warn);
        return new RiskPolicy(prior, weights, mediumAt, highAt, fallback, enabled);
    }
}
