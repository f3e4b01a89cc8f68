package io.zerotrust.keycloak.risk.engine;

/** Coarse risk level derived from the score; ordered from least to most risky. */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH;

    public boolean atLeast(RiskLevel other) {
        return compareTo(other) >= 0;
    }

    public static RiskLevel max(RiskLevel a, RiskLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
