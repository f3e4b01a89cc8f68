package io.zerotrust.keycloak.risk.block;

import java.util.List;

import io.zerotrust.keycloak.risk.spi.OptionReader;
import io.zerotrust.keycloak.risk.tuning.TunedEvaluatorFactory;
import io.zerotrust.keycloak.risk.tuning.TunedSettings;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Registers the {@code address-block} evaluator. Options ({@code --spi-zt-risk-evaluator--address-block--<key>}):
 * {@value #MAX_LOG_ODDS}, {@value #MAX_REASSURANCE}, {@value #NEW_BLOCK_RATE}, {@value #PRIOR_LOGINS}; a realm may
 * override each of them.
 */
public class BlockEvaluatorFactory implements TunedEvaluatorFactory<BlockEvaluator> {

    public static final String MAX_LOG_ODDS = "max-log-odds";
    public static final String MAX_REASSURANCE = "max-reassurance";
    public static final String NEW_BLOCK_RATE = "new-block-rate";
    public static final String PRIOR_LOGINS = "prior-logins";

    private final TunedSettings<BlockEvaluator> evaluators =
            new TunedSettings<>(BlockEvaluator.ID, options -> new BlockEvaluator(readSettings(options)));

    @Override
    public String getId() {
        return BlockEvaluator.ID;
    }

    @Override
    public void init(Config.Scope config) {
        evaluators.init(config);
    }

    static BlockSettings readSettings(OptionReader options) {
        return new BlockSettings(
                options.decimal(MAX_LOG_ODDS, BlockSettings.DEFAULT_MAX_LOG_ODDS, 0.0, 20.0),
                options.decimal(MAX_REASSURANCE, BlockSettings.DEFAULT_MAX_REASSURANCE, 0.0, 20.0),
                options.decimal(NEW_BLOCK_RATE, BlockSettings.DEFAULT_NEW_BLOCK_RATE, 0.001, 0.999),
                options.decimal(PRIOR_LOGINS, BlockSettings.DEFAULT_PRIOR_LOGINS, 0.01, 1000.0));
    }

    @Override
    public TunedSettings<BlockEvaluator> tuned() {
        return evaluators;
    }

    /** The evaluator built from the server-wide options, for tests. */
    public BlockEvaluator evaluator() {
        return evaluators.serverWide();
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(MAX_LOG_ODDS).type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(BlockSettings.DEFAULT_MAX_LOG_ODDS))
                .helpText("Highest log-odds of a sign-in from an address block (/24, /48) unusual for the user within a network they know; 0 switches that reason off.")
                .add()
                .property().name(MAX_REASSURANCE).type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(BlockSettings.DEFAULT_MAX_REASSURANCE))
                .helpText("Highest reassurance (log-odds subtracted) of a sign-in from a block the user usually signs in from; 0 switches that reason off.")
                .add()
                .property().name(NEW_BLOCK_RATE).type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(BlockSettings.DEFAULT_NEW_BLOCK_RATE))
                .helpText("Assumed share of a user's sign-ins from a block new to them within a network, before their own sign-ins there say more (between 0 and 1).")
                .add()
                .property().name(PRIOR_LOGINS).type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(BlockSettings.DEFAULT_PRIOR_LOGINS))
                .helpText("How many sign-ins the assumed share weighs against the user's own sign-ins in the network.")
                .add()
                .build();
    }
}
