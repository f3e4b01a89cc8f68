package io.zerotrust.keycloak.risk.travel;

import io.zerotrust.keycloak.risk.spi.DelegatingEvaluatorProvider;

import java.util.List;

import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProviderFactory;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Registers the {@code impossible-travel} evaluator. Options, e.g.
 * {@code --spi-zt-risk-evaluator--impossible-travel--max-speed-kmh=900}.
 */
public class ImpossibleTravelEvaluatorFactory implements RiskEvaluatorProviderFactory {

    public static final String MAX_SPEED_KMH = TravelSettings.MAX_SPEED_KMH;
    public static final String LOG_ODDS = TravelSettings.LOG_ODDS;

    private static final Logger LOG = Logger.getLogger(ImpossibleTravelEvaluatorFactory.class);

    private volatile ImpossibleTravelEvaluator evaluator = new ImpossibleTravelEvaluator(TravelSettings.defaults());

    @Override
    public String getId() {
        return ImpossibleTravelEvaluator.ID;
    }

    @Override
    public void init(Config.Scope config) {
        TravelSettings settings = TravelSettings.parse(config::get);
        for (String problem : settings.problems()) {
            LOG.warnf("zt-risk-evaluator impossible-travel: %s", problem);
        }
        evaluator = new ImpossibleTravelEvaluator(settings);
    }

    @Override
    public RiskEvaluatorProvider create(KeycloakSession session) {
        return new DelegatingEvaluatorProvider(evaluator);
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
