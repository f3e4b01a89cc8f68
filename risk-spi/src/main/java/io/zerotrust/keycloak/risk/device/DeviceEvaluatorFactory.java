package io.zerotrust.keycloak.risk.device;

import io.zerotrust.keycloak.risk.spi.DelegatingEvaluatorProvider;

import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProviderFactory;
import io.zerotrust.keycloak.risk.tuning.TunedSettings;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Registers the {@code device} evaluator. Server-wide options, e.g.
 * {@code --spi-zt-risk-evaluator--device--unknown-log-odds=2.0}, tune its log-odds; unset or unreadable ones
 * keep their defaults ({@link DeviceEvaluatorConfig}). A realm may override each of them.
 */
public class DeviceEvaluatorFactory implements RiskEvaluatorProviderFactory {

    public static final String UNKNOWN_LOG_ODDS = "unknown-log-odds";
    public static final String COLD_START_LOG_ODDS = "cold-start-log-odds";
    public static final String KNOWN_LOG_ODDS = "known-log-odds";
    public static final String TRUSTED_LOG_ODDS = "trusted-log-odds";
    public static final String FORGED_LOG_ODDS = "forged-log-odds";
    public static final String OTHER_USER_LOG_ODDS = "other-user-log-odds";
    public static final String EXPIRED_LOG_ODDS = "expired-log-odds";
    public static final String BROWSER_CHANGED_LOG_ODDS = "browser-changed-log-odds";
    public static final String OS_CHANGED_LOG_ODDS = "os-changed-log-odds";
    /** {@code true} / {@code false}: scale {@link #UNKNOWN_LOG_ODDS} by the user's share of sign-ins from a known device. */
    public static final String HABIT_WEIGHTING = "habit-weighting";
    /** Strength of the prior behind that share, in sign-ins (1 to 1000). */
    public static final String HABIT_PRIOR_SIGN_INS = "habit-prior-sign-ins";
    /** Lowest log-odds the habit may give an unknown device. */
    public static final String HABIT_MIN_LOG_ODDS = "habit-min-log-odds";
    /** Highest log-odds the habit may give an unknown device. */
    public static final String HABIT_MAX_LOG_ODDS = "habit-max-log-odds";

    private final TunedSettings<DeviceEvaluator> evaluators =
            new TunedSettings<>(DeviceEvaluator.ID, options -> new DeviceEvaluator(DeviceEvaluatorConfig.from(options)));

    @Override
    public String getId() {
        return DeviceEvaluator.ID;
    }

    @Override
    public void init(Config.Scope config) {
        evaluators.init(config);
    }

    @Override
    public RiskEvaluatorProvider create(KeycloakSession session) {
        return new DelegatingEvaluatorProvider(evaluators.current(session));
    }

    @Override
    public List<ProviderConfigProperty> realmOptions() {
        return evaluators.realmOptions(getConfigMetadata());
    }

    @Override
    public List<String> realmOptionProblems(Map<String, String> realmValues) {
        return evaluators.problems(realmValues);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(UNKNOWN_LOG_ODDS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Log-odds for a device not seen in an earlier successful sign-in.")
                .defaultValue(Double.toString(DeviceEvaluatorConfig.DEFAULT_UNKNOWN)).add()
                .property().name(COLD_START_LOG_ODDS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Log-odds for an unknown device of a user with no sign-in history.")
                .defaultValue(Double.toString(DeviceEvaluatorConfig.DEFAULT_COLD_START)).add()
                .property().name(KNOWN_LOG_ODDS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Log-odds for a device seen in an earlier successful sign-in.")
                .defaultValue(Double.toString(DeviceEvaluatorConfig.DEFAULT_KNOWN)).add()
                .property().name(TRUSTED_LOG_ODDS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Log-odds for a device the user trusts.")
                .defaultValue(Double.toString(DeviceEvaluatorConfig.DEFAULT_TRUSTED)).add()
                .property().name(FORGED_LOG_ODDS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Log-odds for a device cookie that does not verify.")
                .defaultValue(Double.toString(DeviceEvaluatorConfig.DEFAULT_FORGED)).add()
                .property().name(OTHER_USER_LOG_ODDS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Log-odds for a device cookie of another user.")
                .defaultValue(Double.toString(DeviceEvaluatorConfig.DEFAULT_OTHER_USER)).add()
                .property().name(EXPIRED_LOG_ODDS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Log-odds for an expired device cookie.")
                .defaultValue(Double.toString(DeviceEvaluatorConfig.DEFAULT_EXPIRED)).add()
                .property().name(BROWSER_CHANGED_LOG_ODDS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Log-odds when an unrecognised device uses another browser family than the last sign-in.")
                .defaultValue(Double.toString(DeviceEvaluatorConfig.DEFAULT_BROWSER_CHANGED)).add()
                .property().name(OS_CHANGED_LOG_ODDS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Log-odds when an unrecognised device uses another OS family than the last sign-in.")
                .defaultValue(Double.toString(DeviceEvaluatorConfig.DEFAULT_OS_CHANGED)).add()
                .property().name(HABIT_WEIGHTING).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("true or false: weigh an unknown device more for a user who nearly always signs in from a known"
                        + " one, less for one who often has none.")
                .defaultValue(Boolean.toString(DeviceHabitWeighting.DEFAULT_ENABLED)).add()
                .property().name(HABIT_PRIOR_SIGN_INS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("How many sign-ins the population's habit counts for before a user's own (1 to 1000).")
                .defaultValue(Double.toString(DeviceHabitWeighting.DEFAULT_PRIOR_SIGN_INS)).add()
                .property().name(HABIT_MIN_LOG_ODDS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Lowest log-odds the habit may give an unknown device.")
                .defaultValue(Double.toString(DeviceHabitWeighting.DEFAULT_MIN_LOG_ODDS)).add()
                .property().name(HABIT_MAX_LOG_ODDS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Highest log-odds the habit may give an unknown device.")
                .defaultValue(Double.toString(DeviceHabitWeighting.DEFAULT_MAX_LOG_ODDS)).add()
                .build();
    }
}
