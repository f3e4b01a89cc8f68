package io.zerotrust.keycloak.risk.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Combines evaluator evidence as log-odds: the prior plus each reason's log-odds times its evaluator's weight,
 * squashed by the logistic function into a 0-100 score. Reasons are independent evidence (naive Bayes) unless they
 * name a {@link RiskReason.Correlation correlation group}: of a group's reasons that raise the risk, the strongest
 * counts in full and each other one only at its share, since they partly describe the same fact (a new country, a
 * new network and impossible travel are all "the user is somewhere new"). Adding a reason to a group therefore
 * never lowers the total. A discounted reason stays listed, its contribution the discounted one, with attributes
 * {@value #CORRELATED_WITH} (the code counted in full) and {@value #COUNTED_SHARE}.
 *
 * <p>A reason may also carry a floor: the level is then at least that, whatever the score (rules such as "a step-up
 * mark is at least MEDIUM").
 */
public final class RiskEngine {

    /** Attribute of a discounted reason: the code of its group's strongest reason. */
    public static final String CORRELATED_WITH = "correlatedWith";
    /** Attribute of a discounted reason: the share of its log-odds it contributed, e.g. {@code 0.5}. */
    public static final String COUNTED_SHARE = "countedShare";

    private RiskEngine() {
    }

    public static RiskAssessment combine(List<EvaluatorResult> results, RiskPolicy policy) {
        List<RiskAssessment.Contribution> weighted = new ArrayList<>();
        List<RiskAssessment.Unavailable> unavailable = new ArrayList<>();
        RiskLevel floor = RiskLevel.LOW;
        for (EvaluatorResult result : results) {
            if (!policy.isEnabled(result.evaluator())) {
                continue;
            }
            if (!result.available()) {
                unavailable.add(new RiskAssessment.Unavailable(result.evaluator(), result.unavailableReason()));
                continue;
            }
            double weight = policy.weightOf(result.evaluator());
            for (RiskReason reason : result.reasons()) {
                weighted.add(new RiskAssessment.Contribution(reason, reason.logOdds() * weight));
                // A weight of 0 switches an evaluator's evidence off, its rules with it
                if (reason.floor() != null && weight > 0) {
                    floor = RiskLevel.max(floor, reason.floor());
                }
            }
        }
        List<RiskAssessment.Contribution> contributions = discountCorrelated(weighted);
        double total = policy.priorLogOdds();
        for (RiskAssessment.Contribution contribution : contributions) {
            total += contribution.weightedLogOdds();
        }
        int score = toScore(total);
        RiskLevel level = RiskLevel.max(policy.levelFor(score), floor);
        if (!unavailable.isEmpty()) {
            level = RiskLevel.max(level, policy.fallbackLevel());
        }
        return new RiskAssessment(score, level, contributions, unavailable);
    }

    /** Keeps the order; only reasons of a group that raise the risk and are not its strongest are changed. */
    static List<RiskAssessment.Contribution> discountCorrelated(List<RiskAssessment.Contribution> weighted) {
        Map<String, RiskAssessment.Contribution> strongest = new HashMap<>();
        for (RiskAssessment.Contribution c : weighted) {
            RiskReason.Correlation correlation = c.reason().correlation();
            if (correlation != null && c.weightedLogOdds() > 0) {
                strongest.merge(correlation.group(), c, (a, b) -> b.weightedLogOdds() > a.weightedLogOdds() ? b : a);
            }
        }
        if (strongest.isEmpty()) {
            return weighted;
        }
        List<RiskAssessment.Contribution> result = new ArrayList<>(weighted.size());
        for (RiskAssessment.Contribution c : weighted) {
            RiskReason.Correlation correlation = c.reason().correlation();
            RiskAssessment.Contribution top = correlation == null ? null : strongest.get(correlation.group());
            if (top == null || top == c || c.weightedLogOdds() <= 0) {
                result.add(c);
                continue;
            }
            result.add(new RiskAssessment.Contribution(discounted(c.reason(), top.reason(), correlation.share()),
                    c.weightedLogOdds() * correlation.share()));
        }
        return result;
    }

    private static RiskReason discounted(RiskReason reason, RiskReason strongest, double share) {
        Map<String, String> attributes = new LinkedHashMap<>(reason.attributes());
        attributes.put(CORRELATED_WITH, strongest.code());
        attributes.put(COUNTED_SHARE, String.format(Locale.ROOT, "%.2f", share));
        String message = String.format(Locale.ROOT, "%s (counted at %.0f%%: partly the same fact as %s)",
                reason.message(), share * 100, strongest.code());
        return new RiskReason(reason.evaluator(), reason.code(), reason.logOdds(), message, attributes, reason.floor(),
                reason.correlation());
    }

    static int toScore(double logOdds) {
        double p = 1.0 / (1.0 + Math.exp(-logOdds));
        return (int) Math.round(100.0 * p);
    }
}
