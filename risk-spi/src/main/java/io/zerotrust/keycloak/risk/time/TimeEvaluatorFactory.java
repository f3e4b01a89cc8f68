package io.zerotrust.keycloak.risk.time;

import java.util.List;

import io.zerotrust.keycloak.risk.spi.OptionReader;
import io.zerotrust.keycloak.risk.tuning.TunedEvaluatorFactory;
import io.zerotrust.keycloak.risk.tuning.TunedSettings;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Registers the {@code time} evaluator. Options ({@code --spi-zt-risk-evaluator--time--<key>}):
 * {@value #ACCESS_WINDOWS}, {@value #MIN_LOGINS}, {@value #NEIGHBOUR_HOURS}, {@value #SMOOTHING}; a realm may
 * override each of them.
 */
public class TimeEvaluatorFactory implements TunedEvaluatorFactory<TimeEvaluator> {

    /** e.g. {@code Mon-Fri 07:00-19:00 Europe/Berlin; Sat 09:00-13:00 Europe/Berlin}; unset = no window rule. */
    public static final String ACCESS_WINDOWS = "access-windows";
    public static final String MIN_LOGINS = "min-logins";
    public static final String NEIGHBOUR_HOURS = "neighbour-hours";
    public static final String SMOOTHING = "smoothing";

    private final TunedSettings<TimeEvaluator> evaluators =
            new TunedSettings<>(TimeEvaluator.ID, options -> new TimeEvaluator(readSettings(options)));

    @Override
    public String getId() {
        return TimeEvaluator.ID;
    }

    @Override
    public void init(Config.Scope config) {
        evaluators.init(config);
    }

    static TimeSettings readSettings(OptionReader options) {
        String spec = options.string(ACCESS_WINDOWS, null);
        List<AccessWindow> windows = List.of();
        try {
            windows = AccessWindowParser.parse(spec);
        } catch (IllegalArgumentException e) {
            // The documented default (no windows) switches the rule off; the warning says so
            options.invalid(ACCESS_WINDOWS, spec, e.getMessage() + "; the access-window rule is OFF", "none");
        }
        return new TimeSettings(windows,
                options.integer(MIN_LOGINS, TimeSettings.DEFAULT_MIN_LOGINS, 1, 1_000_000),
                options.integer(NEIGHBOUR_HOURS, TimeSettings.DEFAULT_NEIGHBOUR_HOURS, 0, 12),
                options.decimal(SMOOTHING, TimeSettings.DEFAULT_SMOOTHING, 1e-6, 100.0));
    }

    @Override
    public TunedSettings<TimeEvaluator> tuned() {
        return evaluators;
    }

    /** The evaluator built from the server-wide options, for tests. */
    public TimeEvaluator evaluator() {
        return evaluators.serverWide();
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(ACCESS_WINDOWS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Allowed sign-in windows, ';'-separated, e.g. 'Mon-Fri 07:00-19:00 Europe/Berlin'. Unset: no window rule.")
                .add()
                .property().name(MIN_LOGINS).type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(TimeSettings.DEFAULT_MIN_LOGINS))
                .helpText("Learned logins before the user's hour-of-week profile counts as evidence.")
                .add()
                .property().name(NEIGHBOUR_HOURS).type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(TimeSettings.DEFAULT_NEIGHBOUR_HOURS))
                .helpText("Hours on either side of the sign-in hour counted with it.")
                .add()
                .property().name(SMOOTHING).type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(TimeSettings.DEFAULT_SMOOTHING))
                .helpText("Pseudo-count added to each of the 168 hour-of-week bins.")
                .add()
                .build();
    }
}
