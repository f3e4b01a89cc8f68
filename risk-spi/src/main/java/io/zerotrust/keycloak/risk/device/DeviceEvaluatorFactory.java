package io.zerotrust.keycloak.risk.device;


import java.util.List;

import io.zerotrust.keycloak.risk.tuning.TunedEvaluatorFactory;
import io.zerotrust.keycloak.risk.tuning.TunedSettings;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Registers the {@code device} evaluator. Server-wide options, e.g.
 * {@code --spi-zt-risk-evaluator--device--unknown-log-odds=2.0}, tune its log-odds; unset or unreadable ones
 * keep their defaults ({@link DeviceEvaluatorConfig}). A realm may override each of them.
 */
public class DeviceEvaluatorFactory implements TunedEvaluatorFactory<DeviceEvaluator> {

    public static final String UNKNOWN_LOG_ODDS = "unknown-log-odds";
    public static final String COLD_START_LOG_ODDS = "cold-start-log-odds";
    public static final String KNOWN_LOG_ODDS = "known-log-odds";
    public static final String TRUSTED_LOG_ODDS = "trusted-log-odds";
    public static final String FORGED_LOG_ODDS = "forged-log-odds";
    public static final String OTHER_USER_LOG_ODDS = "other-user-log-odds";
    public static final String EXPIRED_LOG_ODDS = "expired-log-odds";
    public static final String BROWSER_CHANGED_LOG_ODDS = "browser-changed-log-odds";
    public static final String OS_CHANGED_LOG_ODDS = "os-changed-log-odds";

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
    public TunedSettings<DeviceEvaluator> tuned() {
        return evaluators;
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
                .build();
    }
}
