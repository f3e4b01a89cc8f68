package io.zerotrust.keycloak.authn.condition;

import java.time.Clock;

import io.zerotrust.keycloak.authn.condition.ConditionWarnings.ConditionTarget;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import org.keycloak.authentication.AuthenticationFlowContext;

import static io.zerotrust.keycloak.authn.condition.TimeWindowConditionFactory.CONFIG_WINDOWS;

/** True when the sign-in happens inside one of the configured time windows. */
final class TimeWindowCondition extends ZeroTrustCondition {

    static final TimeWindowCondition SINGLETON = new TimeWindowCondition(Clock.systemUTC());

    private final Clock clock;

    TimeWindowCondition(Clock clock) {
        super(TimeWindowConditionFactory.PROVIDER_ID);
        this.clock = clock;
    }

    @Override
    boolean holds(AuthenticationFlowContext context, OptionReader config, ConditionTarget target) {
        TimeWindowRule rule = TimeWindowRule.read(config.list(CONFIG_WINDOWS, MULTI_VALUE),
                problem -> ConditionWarnings.badConfig(target, problem));
        return rule.matches(clock.instant());
    }
}
