package io.zerotrust.keycloak.authn.condition;

import io.zerotrust.keycloak.authn.condition.ConditionWarnings.ConditionTarget;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import io.zerotrust.keycloak.risk.spi.RiskNotes;
import org.keycloak.authentication.AuthenticationFlowContext;

import static io.zerotrust.keycloak.authn.condition.DevicePostureConditionFactory.CONFIG_CODES;

/** True when the risk assessment found one of the configured device problems. */
final class DevicePostureCondition extends ZeroTrustCondition {

    static final DevicePostureCondition SINGLETON = new DevicePostureCondition();

    private DevicePostureCondition() {
        super(DevicePostureConditionFactory.PROVIDER_ID);
    }

    @Override
    boolean holds(AuthenticationFlowContext context, OptionReader config, ConditionTarget target) {
        String reasons = note(context, RiskNotes.REASONS);
        if (reasons == null) {
            ConditionWarnings.missingAssessment(target, "treats the device as failing its posture check");
        }
        return DevicePostureRule.of(config.list(CONFIG_CODES, MULTI_VALUE)).matches(reasons);
    }
}
