package io.zerotrust.keycloak.risk.engine;

import java.util.Map;
import java.util.Objects;

/**
 * One piece of evidence from an evaluator.
 *
 * @param evaluator   id of the evaluator that produced it
 * @param code        stable, machine-readable reason code (e.g. {@code GEO_NEW_COUNTRY}); safe for themes and SIEM rules
 * @param logOdds     the evaluator's evidence in natural log-odds; positive raises risk, negative lowers it
 * @param message     a human-readable English sentence, for logs and the admin
 * @param attributes  values the message refers to (country, city, ...), so a theme can phrase it in its own language
 * @param floor       the lowest level a sign-in with this reason may have, whatever the other evidence (a rule, not
 *                    a weight: a step-up mark is at least MEDIUM); null for none
 * @param correlation the group of reasons that describe partly the same fact as this one, and the share of its
 *                    log-odds it keeps when a stronger reason of the group is present (see {@link RiskEngine});
 *                    null for independent evidence
 */
public record RiskReason(String evaluator, String code, double logOdds, String message, Map<String, String> attributes,
                         RiskLevel floor, Correlation correlation) {

    public RiskReason(String evaluator, String code, double logOdds, String message, Map<String, String> attributes) {
        this(evaluator, code, logOdds, message, attributes, null, null);
    }

    public RiskReason(String evaluator, String code, double logOdds, String message, Map<String, String> attributes,
                      RiskLevel floor) {
        this(evaluator, code, logOdds, message, attributes, floor, null);
    }

    public RiskReason {
        Objects.requireNonNull(evaluator, "evaluator");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (Double.isNaN(logOdds) || Double.isInfinite(logOdds)) {
            throw new IllegalArgumentException("logOdds must be finite: " + logOdds);
        }
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** This reason, holding the sign-in at {@code level} or above. */
    public RiskReason withFloor(RiskLevel level) {
        return new RiskReason(evaluator, code, logOdds, message, attributes, level, correlation);
    }

    /** This reason as one of {@code group}, keeping {@code share} of its log-odds beside a stronger one of it. */
    public RiskReason correlatedIn(String group, double share) {
        return new RiskReason(evaluator, code, logOdds, message, attributes, floor, new Correlation(group, share));
    }

    public static RiskReason of(String evaluator, String code, double logOdds, String message) {
        return new RiskReason(evaluator, code, logOdds, message, Map.of());
    }

    /**
     * Membership of a group of correlated reasons: only the strongest of a group counts in full, each other one
     * at {@code share} of its log-odds.
     *
     * @param group a stable name shared by the evaluators whose reasons overlap (e.g. {@code location})
     * @param share between 0 (counts nothing beside a stronger one) and 1 (independent after all)
     */
    public record Correlation(String group, double share) {

        public Correlation {
            Objects.requireNonNull(group, "group");
            if (!(share >= 0.0 && share <= 1.0)) {
                throw new IllegalArgumentException("share must be within [0, 1]: " + share);
            }
        }
    }
}
