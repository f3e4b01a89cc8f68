package io.zerotrust.keycloak.risk.engine;

import java.util.List;

/**
 * The engine's explainable verdict.
 *
 * @param score        0-100, the combined probability of risk as a percentage
 * @param level        LOW / MEDIUM / HIGH from the score, raised to the floor of any reason, and by the fallback when
 *                     a signal was unavailable
 * @param contributions every reason with the log-odds it actually contributed after weighting
 * @param unavailable  evaluators whose signal could not be computed, each with its reason
 */
public record RiskAssessment(int score, RiskLevel level, List<Contribution> contributions, List<Unavailable> unavailable) {

    public RiskAssessment {
        contributions = List.copyOf(contributions);
        unavailable = List.copyOf(unavailable);
    }

    /** A reason with its weighted log-odds. */
    public record Contribution(RiskReason reason, double weightedLogOdds) {
    }

    /** An evaluator that could not compute its signal. */
    public record Unavailable(String evaluator, String reason) {
    }

    /** Reason codes in order of decreasing contribution, unavailable signals last as {@code <ID>_UNAVAILABLE}. */
    public List<String> reasonCodes() {
        var codes = new java.util.ArrayList<String>();
        contributions.stream()
                .sorted((a, b) -> Double.compare(b.weightedLogOdds(), a.weightedLogOdds()))
                .forEach(c -> codes.add(c.reason().code()));
        unavailable.forEach(u -> codes.add(unavailableCode(u.evaluator())));
        return codes;
    }

    static String unavailableCode(String evaluatorId) {
        return evaluatorId.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_UNAVAILABLE";
    }
}
