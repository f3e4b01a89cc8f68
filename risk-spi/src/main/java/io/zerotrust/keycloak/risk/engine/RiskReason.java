package io.zerotrust.keycloak.risk.engine;

import java.util.Map;
import java.util.Objects;

/**
 * One piece of evidence from an evaluator.
 *
 * @param evaluator  id of the evaluator that produced it
 * @param code       stable, machine-readable reason code (e.g. {@code GEO_NEW_COUNTRY}); safe for themes and SIEM rules
 * @param logOdds    the evaluator's evidence in natural log-odds; positive raises risk, negative lowers it
 * @param message    a human-readable English sentence, for logs and the admin
 * @param attributes values the message refers to (country, city, ...), so a theme can phrase it in its own language
 * @param floor      the lowest level a sign-in with this reason may have, whatever the other evidence (a rule, not
 *                   a weight: a step-up mark is at least MEDIUM); null for none
 */
public record RiskReason(String evaluator, String code, double logOdds, String message, Map<String, String> attributes,
                         RiskLevel floor) {

    public RiskReason(String evaluator, String code, double logOdds, String message, Map<String, String> attributes) {
        this(evaluator, code, logOdds, message, attributes, null);
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
        return new RiskReason(evaluator, code, logOdds, message, attributes, level);
    }

    public static RiskReason of(String evaluator, String code, double logOdds, String message) {
        return new RiskReason(evaluator, code, logOdds, message, Map.of());
    }
}
