package io.zerotrust.keycloak.risk.tuning;

import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.engine.RiskEvaluator;
import io.zerotrust.keycloak.risk.spi.DelegatingEvaluatorProvider;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Factory of an evaluator a realm may tune: its {@link TunedSettings} give each request the evaluator of the
 * request's realm, and the realm's page the options it may override and their problems.
 */
public interface TunedEvaluatorFactory<E extends RiskEvaluator> extends RiskEvaluatorProviderFactory {

    /** The server-wide evaluator and each realm's, built from the options. */
    TunedSettings<E> tuned();

    @Override
    default RiskEvaluatorProvider create(KeycloakSession session) {
        return new DelegatingEvaluatorProvider(tuned().current(session));
    }

    @Override
    default List<ProviderConfigProperty> realmOptions() {
        return tuned().realmOptions(getConfigMetadata());
    }

    @Override
    default List<String> realmOptionProblems(Map<String, String> realmValues) {
        return tuned().problems(realmValues);
    }
}
