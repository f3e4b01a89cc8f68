package io.zerotrust.keycloak.risk.anomaly;

import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskEvaluator;
import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.engine.RiskReason;

/**
 * Closes the loop from the anomaly scorer: a user marked by a finding ({@link StepUpMark}, set by the zt-events
 * listener's step-up action) signs in at a higher risk, and at least MEDIUM whatever the other evidence (a settled
 * user's known device and place would otherwise outweigh it and "step-up" would not step up), until the mark
 * expires, an analyst calls it a false positive, or a sign-in meets the step-up with a verified second factor
 * (zt-risk-assessment then removes it).
 */
public final class AnomalyMarkEvaluator implements RiskEvaluator {

    public static final String ID = "anomaly-mark";
    public static final String CODE = "ANOMALY_FLAGGED";
    public static final double DEFAULT_LOG_ODDS = 3.0;

    private final double logOdds;

    public AnomalyMarkEvaluator(double logOdds) {
        this.logOdds = logOdds;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public EvaluatorResult evaluate(RiskContext context) {
        StepUpMark mark = StepUpMark.parse(context.userAttributes().get(StepUpMark.ATTRIBUTE));
        if (mark == null || !mark.activeAt(context.now())) {
            return EvaluatorResult.none(ID);
        }
        return EvaluatorResult.of(ID, List.of(new RiskReason(ID, CODE, logOdds,
                "A security finding about this account asks for extra verification (finding " + mark.findingId() + ")",
                Map.of("findingId", mark.findingId())).withFloor(RiskLevel.MEDIUM)));
    }
}
