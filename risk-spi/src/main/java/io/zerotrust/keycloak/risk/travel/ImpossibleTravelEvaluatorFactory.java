package io.zerotrust.keycloak.risk.travel;

import io.zerotrust.keycloak.risk.spi.DelegatingEvaluatorProvider;

import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProviderFactory;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import io.zerotrust.keycloak.risk.tuning.TunedSettings;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Registers the {@code impossible-travel} evaluator. Options, e.g.
 * {@code --spi-zt-risk-evaluator--impossible-travel--max-speed-kmh=900}; a realm may override both.
 */
public class ImpossibleTravelEvaluatorFactory implements RiskEvaluatorProviderFactory {

    public static final String MAX_SPEED_KMH = TravelSettings.MAX_SPEED_KMH;
    public static final String LOG_ODDS = TravelSettings.LOG_ODDS;

    private final TunedSettings<ImpossibleTravelEvaluator> evaluators =
            new TunedSettings<>(ImpossibleTravelEvaluator.ID, ImpossibleTravelEvaluatorFactory::evaluator);

    @Override
    public String getId() {
        return ImpossibleTravelEvaluator.ID;
    }

    @Override
    public void init(Config.Scope config) {
        evaluators.init(config);
    }

    private static ImpossibleTravelEvaluator evaluator(OptionReader options) {
        return new ImpossibleTravelEvaluator(TravelSettings.parse(options));
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
                .property().name(MAX_SPEED_KMH).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Double.toString(TravelSettings.DEFAULT_MAX_SPEED_KMH))
                .helpText("Fastest plausible travel between two sign-ins, in km/h").add()
                .property().name(LOG_ODDS).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Double.toString(TravelSettings.DEFAULT_LOG_ODDS))
                .helpText("Log-odds of IMPOSSIBLE_TRAVEL").add()
                .build();
    }
}
