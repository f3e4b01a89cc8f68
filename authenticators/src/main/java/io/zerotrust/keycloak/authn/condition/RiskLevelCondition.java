package io.zerotrust.keycloak.authn.condition;

import io.zerotrust.keycloak.authn.condition.ConditionWarnings.ConditionTarget;
import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import io.zerotrust.keycloak.risk.spi.RiskNotes;
import org.keycloak.authentication.AuthenticationFlowContext;

/** True when the sign-in's assessed risk level meets the configured threshold. */
final class RiskLevelCondition extends ZeroTrustCondition {

    static final RiskLevelCondition SINGLETON = new RiskLevelCondition();

    private RiskLevelCondition() {
        super(RiskLevelConditionFactory.PROVIDER_ID);
    }

    @Override
    boolean holds(AuthenticationFlowContext context, OptionReader config, ConditionTarget target) {
        RiskLevelRule rule = RiskLevelRule.read(config);
        String note = note(context, RiskNotes.LEVEL);
        if (note == null) {
            ConditionWarnings.missingAssessment(target, "treats the level as " + RiskLevelRule.LEVEL_WITHOUT_ASSESSMENT);
        }
        RiskLevel assessed = RiskLevelRule.assessedLevel(note);
        return rule.matches(assessed);
    }
}
