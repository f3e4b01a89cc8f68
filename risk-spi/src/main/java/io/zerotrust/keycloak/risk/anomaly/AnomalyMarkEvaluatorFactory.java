package io.zerotrust.keycloak.risk.anomaly;

import io.zerotrust.keycloak.risk.spi.DelegatingEvaluatorProvider;
import io.zerotrust.keycloak.risk.spi.EvaluatorOptions;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProviderFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;

/** The {@code anomaly-mark} evaluator; option {@value #LOG_ODDS} (default 3.0). */
public class AnomalyMarkEvaluatorFactory implements RiskEvaluatorProviderFactory {

    public static final String LOG_ODDS = "log-odds";

    private AnomalyMarkEvaluator evaluator = new AnomalyMarkEvaluator(AnomalyMarkEvaluator.DEFAULT_LOG_ODDS);

    @Override
    public String getId() {
        return AnomalyMarkEvaluator.ID;
    }

    @Override
    public void init(Config.Scope config) {
        evaluator = new AnomalyMarkEvaluator(new EvaluatorOptions(getId(), config)
                .logOdds(LOG_ODDS, AnomalyMarkEvaluator.DEFAULT_LOG_ODDS));
    }

    @Override
    public RiskEvaluatorProvider create(KeycloakSession session) {
        return new DelegatingEvaluatorProvider(evaluator);
    }

}
