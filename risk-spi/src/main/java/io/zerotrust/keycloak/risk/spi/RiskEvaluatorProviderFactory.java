package io.zerotrust.keycloak.risk.spi;

import java.util.List;
import java.util.Map;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderFactory;

/**
 * Factory of a {@link RiskEvaluatorProvider}; server-wide options come through {@code --spi-zt-risk-evaluator--<id>--<key>}.
 * A factory may let realms override some of them on the admin console's Zero Trust page ({@link #realmOptions()}).
 */
public interface RiskEvaluatorProviderFactory extends ProviderFactory<RiskEvaluatorProvider> {

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
}
