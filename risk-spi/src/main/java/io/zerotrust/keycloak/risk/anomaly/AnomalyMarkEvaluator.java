package io.zerotrust.keycloak.risk.anomaly;

import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskEvaluator;
import io.zerotrust.keycloak.risk.engine.RiskReason;

/**
 * Closes the loop from the anomaly scorer: a user marked by a finding ({@link StepUpMark}, set by the zt-events
 * listener's step-up action) signs in at a higher risk until the mark expires or an analyst calls it a false
 * positive.
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
                Map.of("findingId", mark.findingId()))));
    }
}
