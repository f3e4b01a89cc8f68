package io.zerotrust.keycloak.authn.assessment;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.spi.OptionReader;

/**
 * Which level of authentication (Keycloak's LoA, the number its "Condition - Level of Authentication" steps and
 * acr-to-LoA maps use) a risk level requires. Unmapped risk levels require nothing beyond what the client asked.
 */
public final class StepUpLevels {

    private final Map<RiskLevel, Integer> levels;

    private StepUpLevels(Map<RiskLevel, Integer> levels) {
        this.levels = levels;
    }

    /** Reads {@code acrLevelMedium} and {@code acrLevelHigh}; a value that is not a whole number from 0 is reported and ignored. */
    static StepUpLevels read(Map<String, String> config, Consumer<String> problems) {
        OptionReader options = OptionReader.collecting(RiskAssessmentAuthenticatorFactory.PROVIDER_ID, config);
        Map<RiskLevel, Integer> levels = new EnumMap<>(RiskLevel.class);
        options.optionalInteger(RiskAssessmentAuthenticatorFactory.CONFIG_ACR_LEVEL_MEDIUM, 0)
                .ifPresent(level -> levels.put(RiskLevel.MEDIUM, level));
        options.optionalInteger(RiskAssessmentAuthenticatorFactory.CONFIG_ACR_LEVEL_HIGH, 0)
                .ifPresent(level -> levels.put(RiskLevel.HIGH, level));
        options.problems().forEach(problems);
        // A higher risk never requires less than a lower one
        Integer medium = levels.get(RiskLevel.MEDIUM);
        Integer high = levels.get(RiskLevel.HIGH);
        if (medium != null && (high == null || high < medium)) {
            levels.put(RiskLevel.HIGH, medium);
        }
        return new StepUpLevels(levels);
    }

    /** The level this risk requires, if any. */
    public OptionalInt required(RiskLevel risk) {
        Integer level = levels.get(risk);
        return level == null ? OptionalInt.empty() : OptionalInt.of(level);
    }

    /** The level to request: the client's request raised to what the risk requires, never lowered. */
    public int raise(int requestedByClient, RiskLevel risk) {
        OptionalInt level = required(risk);
        return level.isPresent() ? Math.max(requestedByClient, level.getAsInt()) : requestedByClient;
    }
}
