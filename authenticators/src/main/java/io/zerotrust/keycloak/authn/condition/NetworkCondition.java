package io.zerotrust.keycloak.authn.condition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.zerotrust.keycloak.authn.AuthNotes;
import io.zerotrust.keycloak.authn.condition.ConditionWarnings.ConditionTarget;
import io.zerotrust.keycloak.risk.context.RiskContextGatherer;
import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskReason;
import io.zerotrust.keycloak.risk.geo.GeoEvaluator;
import io.zerotrust.keycloak.risk.reputation.IpReputationEvaluator;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProvider;
import io.zerotrust.keycloak.risk.tuning.RealmTuning;
import io.zerotrust.keycloak.risk.velocity.LoginFailuresEvaluator;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;

import static io.zerotrust.keycloak.authn.condition.NetworkConditionFactory.CONFIG_REASONS;

/**
 * True when the client address, as Keycloak resolved it, gets one of the configured reason codes from the pack's
 * network evaluators ({@code ip-reputation}, {@code geo}, and {@code login-failures} when one of its per-source
 * reasons is configured) run without a user. It needs no user and no assessment,
 * so placed before the password it refuses by network alone: the answer is the same whatever the password, and
 * says nothing about the account. An evaluator that cannot judge (a list not loaded, no GeoIP) finds nothing here;
 * the assessment after the password still applies its fallback level.
 */
public final class NetworkCondition extends ZeroTrustCondition {

    static final NetworkCondition SINGLETON = new NetworkCondition();
    /** The evaluators whose evidence depends on the network alone. */
    static final List<String> NETWORK_EVALUATORS = List.of(IpReputationEvaluator.ID, GeoEvaluator.ID);
    /** With login-failures too, when per-source failure reasons are configured (it then finds no user failures). */
    static final List<String> WITH_SOURCE_FAILURES = List.of(IpReputationEvaluator.ID, GeoEvaluator.ID, LoginFailuresEvaluator.ID);

    private static final Logger LOG = Logger.getLogger(NetworkCondition.class);

    private NetworkCondition() {
        super(NetworkConditionFactory.PROVIDER_ID);
    }

    @Override
    boolean holds(AuthenticationFlowContext context, OptionReader config, ConditionTarget target) {
        Consumer<String> problems = problem -> ConditionWarnings.badConfig(target, problem);
        return !refusedReasons(context, NetworkRule.read(config.list(CONFIG_REASONS, MULTI_VALUE), problems), problems).isEmpty();
    }

    /**
     * The reason codes of {@code rule} the client address gets from the network evaluators, judged without a user;
     * empty when the network is not refused. Found codes are left for zt-deny in {@link AuthNotes#NETWORK_REASONS}.
     * The one network check, for this condition and for {@code zt-username-password-form}.
     */
    public static List<String> refusedReasons(AuthenticationFlowContext context, NetworkRule rule, Consumer<String> problems) {
        boolean sourceFailures = rule.needsSourceFailures();
        RiskContext network = RiskContextGatherer.gatherWithoutUser(context.getSession(), context.getRealm(), Instant.now(),
                sourceFailures);
        List<String> found = new ArrayList<>();
        Set<String> disabled = RealmTuning.disabledEvaluators(context.getRealm());
        for (String id : sourceFailures ? WITH_SOURCE_FAILURES : NETWORK_EVALUATORS) {
            if (disabled.contains(id)) {
                continue; // switched off on the realm's Zero Trust page
            }
            RiskEvaluatorProvider evaluator = context.getSession().getProvider(RiskEvaluatorProvider.class, id);
            if (evaluator == null) {
                problems.accept("the evaluator " + id + " is not deployed; its evidence is not checked");
                continue;
            }
            EvaluatorResult result = evaluator.evaluate(network);
            if (!result.available()) {
                LOG.debugf("Realm %s: %s cannot judge %s (%s)", context.getRealm().getName(), id, network.clientIp(),
                        result.unavailableReason());
            }
            result.reasons().stream().map(RiskReason::code).forEach(found::add);
        }
        List<String> matching = rule.matching(found);
        if (!matching.isEmpty() && context.getAuthenticationSession() != null) {
            context.getAuthenticationSession().setAuthNote(AuthNotes.NETWORK_REASONS, String.join(",", matching));
        }
        return matching;
    }
}
