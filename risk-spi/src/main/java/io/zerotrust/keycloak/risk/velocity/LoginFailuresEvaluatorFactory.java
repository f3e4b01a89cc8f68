package io.zerotrust.keycloak.risk.velocity;

import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.spi.DelegatingEvaluatorProvider;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProviderFactory;
import io.zerotrust.keycloak.risk.tuning.TunedSettings;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Registers the {@code login-failures} evaluator. Options ({@code --spi-zt-risk-evaluator--login-failures--<key>}):
 * {@value #USER_FAILURES_THRESHOLD}, {@value #STUFFING_DISTINCT_USERS}, {@value #SPRAY_DISTINCT_USERS},
 * {@value #NETWORK_DISTINCT_USERS}, {@value #WINDOW_MINUTES}. The adapter that fills
 * {@code RiskContext.failures()} counts with {@link #failureWindow(KeycloakSession)}. A realm may override each of them.
 */
public class LoginFailuresEvaluatorFactory implements RiskEvaluatorProviderFactory {

    public static final String USER_FAILURES_THRESHOLD = "user-failures-threshold";
    public static final String STUFFING_DISTINCT_USERS = "stuffing-distinct-users";
    public static final String SPRAY_DISTINCT_USERS = "spray-distinct-users";
    public static final String NETWORK_DISTINCT_USERS = "network-distinct-users";
    public static final String WINDOW_MINUTES = "window-minutes";

    private final TunedSettings<LoginFailuresSettings> settings =
            new TunedSettings<>(LoginFailuresEvaluator.ID, LoginFailuresEvaluatorFactory::readSettings);

    @Override
    public String getId() {
        return LoginFailuresEvaluator.ID;
    }

    @Override
    public void init(Config.Scope config) {
        settings.init(config);
    }

    static LoginFailuresSettings readSettings(OptionReader options) {
        return new LoginFailuresSettings(
                options.integer(USER_FAILURES_THRESHOLD, LoginFailuresSettings.DEFAULT_USER_FAILURES_THRESHOLD, 1, 1000),
                options.integer(STUFFING_DISTINCT_USERS, LoginFailuresSettings.DEFAULT_STUFFING_DISTINCT_USERS, 2, 1_000_000),
                options.integer(SPRAY_DISTINCT_USERS, LoginFailuresSettings.DEFAULT_SPRAY_DISTINCT_USERS, 2, 1_000_000),
                options.integer(NETWORK_DISTINCT_USERS, LoginFailuresSettings.DEFAULT_NETWORK_DISTINCT_USERS, 2, 1_000_000),
                options.integer(WINDOW_MINUTES, LoginFailuresSettings.DEFAULT_WINDOW_MINUTES, 1, 24 * 60));
    }

    @Override
    public RiskEvaluatorProvider create(KeycloakSession session) {
        return new DelegatingEvaluatorProvider(new LoginFailuresEvaluator(settings(session)));
    }

    /** The settings of the session's realm (the server-wide ones outside a realm). */
    public LoginFailuresSettings settings(KeycloakSession session) {
        return settings.current(session);
    }

    /** The server-wide settings. */
    public LoginFailuresSettings settings() {
        return settings.serverWide();
    }

    /** How far back failures must be counted ({@value #WINDOW_MINUTES}), server-wide. */
    public int windowMinutes() {
        return settings().windowMinutes();
    }

    /** The server-wide counting logic. */
    public FailureWindow failureWindow() {
        return settings().failureWindow();
    }

    /** The counting logic the adapter applies to the failure records it fetched, for the session's realm. */
    public FailureWindow failureWindow(KeycloakSession session) {
        return settings(session).failureWindow();
    }

    @Override
    public List<ProviderConfigProperty> realmOptions() {
        return settings.realmOptions(getConfigMetadata());
    }

    @Override
    public List<String> realmOptionProblems(Map<String, String> realmValues) {
        return settings.problems(realmValues);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(USER_FAILURES_THRESHOLD).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(LoginFailuresSettings.DEFAULT_USER_FAILURES_THRESHOLD))
                .helpText("Failures of the user in the window from which risk rises.").add()
                .property().name(STUFFING_DISTINCT_USERS).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(LoginFailuresSettings.DEFAULT_STUFFING_DISTINCT_USERS))
                .helpText("Distinct users failing from one address that mean credential stuffing.").add()
                .property().name(SPRAY_DISTINCT_USERS).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(LoginFailuresSettings.DEFAULT_SPRAY_DISTINCT_USERS))
                .helpText("Distinct users with one or two failures each from one address that mean password spraying.").add()
                .property().name(NETWORK_DISTINCT_USERS).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(LoginFailuresSettings.DEFAULT_NETWORK_DISTINCT_USERS))
                .helpText("Distinct users failing from one network (ASN) that mean distributed stuffing.").add()
                .property().name(WINDOW_MINUTES).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(LoginFailuresSettings.DEFAULT_WINDOW_MINUTES))
                .helpText("How many minutes back failures are counted.").add()
                .build();
    }
}
