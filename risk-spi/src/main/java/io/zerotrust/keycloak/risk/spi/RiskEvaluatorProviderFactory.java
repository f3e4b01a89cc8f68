package io.zerotrust.keycloak.risk.spi;

import java.util.List;
import java.util.Map;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Factory of a {@link RiskEvaluatorProvider}; server-wide options come through {@code --spi-zt-risk-evaluator--<id>--<key>}.
 * A factory may let realms override some of them on the admin console's Zero Trust page ({@link #realmOptions()}).
 */
public interface RiskEvaluatorProviderFactory extends ProviderFactory<RiskEvaluatorProvider>, ServerInfoAwareProviderFactory {

    /** Evaluators are pure and hold nothing to wire up after start-up. */
    @Override
    default void postInit(KeycloakSessionFactory factory) {
    }

    /** Evaluators hold nothing to release. */
    @Override
    default void close() {
    }

    /**
     * The options a realm may override, under their server-wide keys; none by default. Options naming server
     * files or server-wide resources stay out.
     */
    default List<ProviderConfigProperty> realmOptions() {
        return List.of();
    }

    /**
     * What is wrong with a realm's values of {@link #realmOptions()} (key to value, blank ones left out), read by
     * the same parser as the server-wide options; empty when they are usable.
     */
    default List<String> realmOptionProblems(Map<String, String> realmValues) {
        return List.of();
    }

    /**
     * The server-wide settings the evaluator runs with, for the admin console's provider info: each option's value
     * and whether it was set on the server or is the default. A realm's own values are on its Zero Trust page.
     */
    @Override
    default Map<String, String> getOperationalInfo() {
        Map<String, String> info = new java.util.LinkedHashMap<>();
        EffectiveOptions.of(this, Map.of()).forEach((key, option) -> info.put(key, option.value() + " (" + option.source() + ")"));
        return info;
    }
}
