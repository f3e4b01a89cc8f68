package io.zerotrust.keycloak.authn.condition;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

/**
 * Logs a condition's configuration problems once per flow step (execution) and problem. They are mistakes of the
 * flow, not of the sign-in: logging them on every sign-in would flood the log, staying silent would hide why
 * everybody is treated as risky.
 */
final class ConditionWarnings {

    private static final Logger LOG = Logger.getLogger(ConditionWarnings.class);

    /** Bounded by executions times distinct problems, both made by admins by hand. */
    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

    private ConditionWarnings() {
    }

    /** No {@code zt-risk-assessment} ran before the condition in this sign-in. */
    static void missingAssessment(ConditionTarget target, String assumption) {
        once(target, "no risk assessment in this sign-in, so it " + assumption
                + ". Put 'Zero Trust: risk assessment' (zt-risk-assessment) before this condition in the flow");
    }

    /** A stored setting could not be read. */
    static void badConfig(ConditionTarget target, String problem) {
        once(target, problem);
    }

    private static void once(ConditionTarget target, String problem) {
        if (SAID.add(target.realm() + '/' + target.executionId() + '/' + problem)) {
            LOG.warnf("Realm %s, condition %s (execution %s): %s. Said once per execution.",
                    target.realm(), target.conditionId(), target.executionId(), problem);
        }
    }

    /** Which flow step a warning is about. */
    record ConditionTarget(String realm, String conditionId, String executionId) {
    }
}
