package io.zerotrust.keycloak.risk.engine;

/**
 * A source of risk evidence. Implementations are pure: they read the context and return reasons,
 * never touching the network or the database.
 */
public interface RiskEvaluator {

    /** Stable id used in configuration, reason codes and events (e.g. {@code geo}). */
    String id();

    /**
     * @return the evidence found; {@link EvaluatorResult#unavailable} when the signal cannot be computed
     */
    EvaluatorResult evaluate(RiskContext context);
}
