package io.zerotrust.keycloak.risk.travel;


import java.util.List;

import io.zerotrust.keycloak.risk.geo.LocationEvidence;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import io.zerotrust.keycloak.risk.tuning.TunedEvaluatorFactory;
import io.zerotrust.keycloak.risk.tuning.TunedSettings;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Registers the {@code impossible-travel} evaluator. Options, e.g.
 * {@code --spi-zt-risk-evaluator--impossible-travel--max-speed-kmh=900} or
 * {@code --spi-zt-risk-evaluator--impossible-travel--mobile-asns=3320,12430}; a realm may override each of them.
 */
public class ImpossibleTravelEvaluatorFactory implements TunedEvaluatorFactory<ImpossibleTravelEvaluator> {

    public static final String MAX_SPEED_KMH = TravelSettings.MAX_SPEED_KMH;
    public static final String LOG_ODDS = TravelSettings.LOG_ODDS;
    public static final String CORRELATED_SHARE = TravelSettings.CORRELATED_SHARE;
    public static final String IMPRECISE_RADIUS_KM = TravelSettings.IMPRECISE_RADIUS_KM;
    public static final String MOBILE_ASNS = TravelSettings.MOBILE_ASNS;
    public static final String IMPRECISE_LOG_ODDS = TravelSettings.IMPRECISE_LOG_ODDS;

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
    public TunedSettings<ImpossibleTravelEvaluator> tuned() {
        return evaluators;
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
                .property().name(CORRELATED_SHARE).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Double.toString(LocationEvidence.DEFAULT_SHARE))
                .helpText("Share (0-1) of its log-odds IMPOSSIBLE_TRAVEL keeps beside a stronger new country, city "
                        + "or network").add()
                .property().name(IMPRECISE_RADIUS_KM).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Integer.toString(TravelSettings.DEFAULT_IMPRECISE_RADIUS_KM))
                .helpText("Accuracy radius (km) from which a place counts as too imprecise to prove a journey").add()
                .property().name(MOBILE_ASNS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("AS numbers of mobile carriers, whose addresses GeoIP places roughly (comma-separated)").add()
                .property().name(IMPRECISE_LOG_ODDS).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Double.toString(TravelSettings.DEFAULT_IMPRECISE_LOG_ODDS))
                .helpText("Log-odds of IMPOSSIBLE_TRAVEL when an end is a mobile, hosting or VPN address or located "
                        + "imprecisely").add()
                .build();
    }
}
