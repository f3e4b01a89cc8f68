package io.zerotrust.keycloak.risk.anomaly;

import java.util.List;

import io.zerotrust.keycloak.risk.tuning.TunedEvaluatorFactory;
import io.zerotrust.keycloak.risk.tuning.TunedSettings;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The {@code anomaly-mark} evaluator; option {@value #LOG_ODDS} (default 3.0), which a realm may override. */
public class AnomalyMarkEvaluatorFactory implements TunedEvaluatorFactory<AnomalyMarkEvaluator> {

    public static final String LOG_ODDS = "log-odds";

    private final TunedSettings<AnomalyMarkEvaluator> evaluators = new TunedSettings<>(AnomalyMarkEvaluator.ID,
            options -> new AnomalyMarkEvaluator(options.logOdds(LOG_ODDS, AnomalyMarkEvaluator.DEFAULT_LOG_ODDS)));

    @Override
    public String getId() {
        return AnomalyMarkEvaluator.ID;
    }

    @Override
    public void init(Config.Scope config) {
        evaluators.init(config);
    }

    @Override
    public TunedSettings<AnomalyMarkEvaluator> tuned() {
        return evaluators;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(LOG_ODDS).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Double.toString(AnomalyMarkEvaluator.DEFAULT_LOG_ODDS))
                .helpText("Log-odds of ANOMALY_FLAGGED (a user marked for step-up by a finding); the sign-in is held "
                        + "at MEDIUM or above whatever the value.").add()
                .build();
    }
}
