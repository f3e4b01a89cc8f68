package io.zerotrust.keycloak.risk.geo;


import java.util.List;

import io.zerotrust.keycloak.risk.spi.OptionReader;
import io.zerotrust.keycloak.risk.tuning.RealmOptions;
import io.zerotrust.keycloak.risk.tuning.TunedEvaluatorFactory;
import io.zerotrust.keycloak.risk.tuning.TunedSettings;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Registers the {@code geo} evaluator. Options, e.g.
 * {@code --spi-zt-risk-evaluator--geo--deny-countries=KP,IR} or
 * {@code --spi-zt-risk-evaluator--geo--new-country-log-odds=2.5}: see {@link GeoSettings} and {@link GeoRule}.
 * A realm may override each of them (admin console, Zero Trust page).
 */
public class GeoEvaluatorFactory implements TunedEvaluatorFactory<GeoEvaluator> {

    public static final String DENY_COUNTRIES = GeoSettings.DENY_COUNTRIES;
    public static final String ALLOW_COUNTRIES = GeoSettings.ALLOW_COUNTRIES;
    public static final String INTERNAL_ADDRESSES = GeoSettings.INTERNAL_ADDRESSES;
    public static final String CORRELATED_SHARE = GeoSettings.CORRELATED_SHARE;

    private final TunedSettings<GeoEvaluator> evaluators = new TunedSettings<>(GeoEvaluator.ID, GeoEvaluatorFactory::evaluator);

    @Override
    public String getId() {
        return GeoEvaluator.ID;
    }

    @Override
    public void init(Config.Scope config) {
        evaluators.init(config);
    }

    private static GeoEvaluator evaluator(OptionReader options) {
        return new GeoEvaluator(GeoSettings.parse(options));
    }

    @Override
    public TunedSettings<GeoEvaluator> tuned() {
        return evaluators;
    }

    @Override
    public List<ProviderConfigProperty> realmOptions() {
        List<ProviderConfigProperty> options = evaluators.realmOptions(getConfigMetadata());
        RealmOptions.withChoices(options, DENY_COUNTRIES, RealmOptions.countryCodes());
        return RealmOptions.withChoices(options, ALLOW_COUNTRIES, RealmOptions.countryCodes());
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create()
                .property().name(DENY_COUNTRIES).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Comma-separated ISO country codes whose sign-ins are strongly suspicious").add()
                .property().name(ALLOW_COUNTRIES).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Comma-separated ISO country codes; when set, sign-ins from elsewhere are strongly "
                        + "suspicious").add()
                .property().name(INTERNAL_ADDRESSES).type(ProviderConfigProperty.LIST_TYPE)
                .options(GeoSettings.INTERNAL_NO_EVIDENCE, GeoSettings.INTERNAL_UNAVAILABLE)
                .defaultValue(GeoSettings.INTERNAL_NO_EVIDENCE)
                .helpText("What a private or loopback client address means: no evidence, or an unavailable signal")
                .add()
                .property().name(CORRELATED_SHARE).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Double.toString(LocationEvidence.DEFAULT_SHARE))
                .helpText("Share (0-1) of its log-odds a new country, city or network keeps beside a stronger "
                        + "reason that the user is somewhere new (another of them, or impossible travel)").add();
        for (GeoRule rule : GeoRule.values()) {
            builder.property().name(rule.optionKey()).type(ProviderConfigProperty.STRING_TYPE)
                    .defaultValue(Double.toString(rule.defaultLogOdds()))
                    .helpText("Log-odds of " + rule.code()).add();
        }
        return builder.build();
    }
}
