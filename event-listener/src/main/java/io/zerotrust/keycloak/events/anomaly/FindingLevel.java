package io.zerotrust.keycloak.events.anomaly;

/** Severity band of a finding's 0-100 score. */
public enum FindingLevel {
    LOW, MEDIUM, HIGH;

    /** Lowest score of MEDIUM. */
    public static final int MEDIUM_FROM = 50;
    /** Lowest score of HIGH. */
    public static final int HIGH_FROM = 75;

    public static FindingLevel of(int score) {
        return score >= HIGH_FROM ? HIGH : score >= MEDIUM_FROM ? MEDIUM : LOW;
    }
}
