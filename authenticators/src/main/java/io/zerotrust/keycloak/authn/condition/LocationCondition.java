package io.zerotrust.keycloak.authn.condition;

import io.zerotrust.keycloak.authn.AuthNotes;
import io.zerotrust.keycloak.authn.condition.ConditionWarnings.ConditionTarget;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import io.zerotrust.keycloak.risk.spi.RiskNotes;
import org.keycloak.authentication.AuthenticationFlowContext;

/** True when the sign-in's country, as the risk assessment located it, is (or is not) one of the configured ones. */
final class LocationCondition extends ZeroTrustCondition {

    static final LocationCondition SINGLETON = new LocationCondition();

    private LocationCondition() {
        super(LocationConditionFactory.PROVIDER_ID);
    }

    @Override
    boolean holds(AuthenticationFlowContext context, OptionReader config, ConditionTarget target) {
        LocationRule rule = LocationRule.read(config);
        // The country note is absent both when GeoIP did not know the address and when no assessment ran;
        // only the latter is a flow mistake worth a warning
        if (note(context, RiskNotes.LEVEL) == null) {
            ConditionWarnings.missingAssessment(target, "treats the country as unknown");
        }
        return rule.matches(note(context, AuthNotes.GEO_COUNTRY));
    }
}
