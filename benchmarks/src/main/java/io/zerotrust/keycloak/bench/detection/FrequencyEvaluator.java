package io.zerotrust.keycloak.bench.detection;

import java.util.List;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskEvaluator;
import io.zerotrust.keycloak.risk.engine.RiskReason;

/**
 * Prototype evaluator {@code frequency} (benchmark only): one reason {@value #CODE} whose log-odds are the
 * {@link SmoothedFrequencies} ratio of the sign-in, capped to {@code [-maxDown, maxUp]} so that it never outweighs
 * the rest of the evidence.
 */
public final class FrequencyEvaluator implements RiskEvaluator {

    public static final String ID = "frequency";
    public static final String CODE = "FREQ_UNUSUAL_FOR_USER";

    private final SmoothedFrequencies frequencies;
    private final double maxUp;
    private final double maxDown;

    public FrequencyEvaluator(SmoothedFrequencies frequencies, double maxUp, double maxDown) {
        this.frequencies = frequencies;
        this.maxUp = maxUp;
        this.maxDown = maxDown;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public EvaluatorResult evaluate(RiskContext context) {
        double raw = frequencies.logOdds(context.userId(), context.clientIp(), context.location(), context.userAgent());
        double capped = Math.max(-maxDown, Math.min(maxUp, raw));
        if (capped == 0.0) {
            return EvaluatorResult.none(ID);
        }
        return EvaluatorResult.of(ID, List.of(RiskReason.of(ID, CODE, capped,
                "Address block, network or browser version unusual for the user (smoothed against the population)")));
    }
}
