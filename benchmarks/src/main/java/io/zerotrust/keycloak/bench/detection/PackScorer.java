package io.zerotrust.keycloak.bench.detection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.zerotrust.keycloak.risk.block.BlockEvaluator;
import io.zerotrust.keycloak.risk.block.BlockSettings;

import io.zerotrust.keycloak.risk.device.DeviceEvaluator;
import io.zerotrust.keycloak.risk.device.DeviceEvaluatorConfig;
import io.zerotrust.keycloak.risk.device.UserAgentInfo;
import io.zerotrust.keycloak.risk.engine.EvaluationRun;
import io.zerotrust.keycloak.risk.engine.RiskAssessment;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskEvaluator;
import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.engine.RiskPolicy;
import io.zerotrust.keycloak.risk.geo.GeoEvaluator;
import io.zerotrust.keycloak.risk.geo.GeoSettings;
import io.zerotrust.keycloak.risk.profile.LoginObservation;
import io.zerotrust.keycloak.risk.profile.ProfileLearning;
import io.zerotrust.keycloak.risk.profile.ProfileLimits;
import io.zerotrust.keycloak.risk.profile.UserRiskProfile;
import io.zerotrust.keycloak.risk.reputation.IpLists;
import io.zerotrust.keycloak.risk.reputation.IpReputationEvaluator;
import io.zerotrust.keycloak.risk.time.TimeEvaluator;
import io.zerotrust.keycloak.risk.time.TimeSettings;
import io.zerotrust.keycloak.risk.travel.ImpossibleTravelEvaluator;
import io.zerotrust.keycloak.risk.travel.TravelSettings;
import io.zerotrust.keycloak.risk.velocity.FailureWindow;
import io.zerotrust.keycloak.risk.velocity.LoginFailuresEvaluator;
import io.zerotrust.keycloak.risk.velocity.LoginFailuresSettings;

/**
 * The pack's own risk model, outside Keycloak: by default the evaluators {@code geo}, {@code impossible-travel},
 * {@code device}, {@code time}, {@code login-failures}, {@code ip-reputation} and {@code address-block} with their
 * default settings, the
 * engine with {@link RiskPolicy#defaults()}, and a profile per user learned by {@link ProfileLearning} as
 * {@code zt-risk-learning} does. The context is what {@code RiskContextGatherer} would gather for the sign-in: its
 * GeoIP answer, the profile, and the device cookie, recent failures and location problem from {@link SignInFacts}
 * (for the synthetic histories: a valid device cookie as {@link io.zerotrust.keycloak.risk.device.DeviceCookieStatus#VALID},
 * none as absent, no device trusted, no recent failures, no IP lists). The device learned is the one presented,
 * else the one the sign-in issued (what the risk-spi's package-private {@code LearnedDevice} chooses for a browser
 * sign-in).
 *
 * <p>The risk is the engine's score before rounding: the prior plus every weighted log-odds (the score 0-100 is its
 * logistic, rounded, which would only add ties).
 */
public final class PackScorer implements LoginScorer {

    /** Which sign-ins teach the profile. */
    public enum Learning {
        /** Those recorded as verified ({@link LoginRecord#teaches()}), whatever the verdict: the synthetic histories. */
        RECORDED,
        /**
         * Those that would have been verified under this scorer's settings: LOW, or MEDIUM with the recorded step-up
         * met ({@link LoginRecord#teaches()}). HIGH is a refusal and teaches nothing.
         */
        WOULD_BE_VERIFIED
    }

    private static final String REALM = "benchmark";

    private final String name;
    private final List<RiskEvaluator> evaluators;
    private final RiskPolicy policy;
    private final FailureWindow failureWindow;
    private final SignInFacts facts;
    private final Learning learning;
    private final Map<String, UserRiskProfile> profiles = new HashMap<>();
    private long unavailable;

    /** The pack at its defaults over a synthetic history. */
    public PackScorer() {
        this("pack", defaultEvaluators(), RiskPolicy.defaults(), LoginFailuresSettings.defaults().failureWindow(),
                SignInFacts.synthetic(), Learning.RECORDED);
    }

    /** The pack at its defaults without the evaluators of the given ids, over a synthetic history. */
    public PackScorer(Set<String> without) {
        this("pack", defaultEvaluators().stream().filter(e -> !without.contains(e.id())).toList(),
                RiskPolicy.defaults(), LoginFailuresSettings.defaults().failureWindow(), SignInFacts.synthetic(),
                Learning.RECORDED);
    }

    private static List<RiskEvaluator> defaultEvaluators() {
        return List.of(
                new GeoEvaluator(GeoSettings.defaults()),
                new ImpossibleTravelEvaluator(TravelSettings.defaults()),
                new DeviceEvaluator(DeviceEvaluatorConfig.defaults()),
                new TimeEvaluator(TimeSettings.defaults()),
                new LoginFailuresEvaluator(LoginFailuresSettings.defaults()),
                new IpReputationEvaluator(IpLists.none()),
                new BlockEvaluator(BlockSettings.defaults()));
    }

    /** The ids of the evaluators at the defaults, in the server's order. */
    public static List<String> defaultEvaluatorIds() {
        return defaultEvaluators().stream().map(RiskEvaluator::id).toList();
    }

    /**
     * @param name          for reports
     * @param evaluators    the evaluators, as the server would run them
     * @param policy        thresholds, weights, prior
     * @param failureWindow how far back {@code facts} counts failures ({@code login-failures}' window)
     * @param facts         device, failures and location problem of each sign-in
     * @param learning      which sign-ins teach
     */
    public PackScorer(String name, List<? extends RiskEvaluator> evaluators, RiskPolicy policy,
                      FailureWindow failureWindow, SignInFacts facts, Learning learning) {
        this.name = name;
        this.evaluators = List.copyOf(evaluators);
        this.policy = policy;
        this.failureWindow = failureWindow;
        this.facts = facts;
        this.learning = learning;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Verdict score(LoginRecord login) {
        RiskAssessment assessment = assess(login);
        double logOdds = policy.priorLogOdds();
        for (RiskAssessment.Contribution contribution : assessment.contributions()) {
            logOdds += contribution.weightedLogOdds();
        }
        if (!assessment.unavailable().isEmpty()) {
            unavailable++;
        }
        return new Verdict(logOdds, assessment.level(), assessment.reasonCodes());
    }

    /** The engine's full assessment of the sign-in, reasons included. */
    public RiskAssessment assess(LoginRecord login) {
        UserRiskProfile profile = profile(login.userId());
        RiskContext context = RiskContext.builder(REALM, login.time())
                .userId(login.userId())
                .clientIp(login.ip())
                .userAgent(login.userAgent())
                .headers(login.userAgent() == null ? Map.of() : Map.of("user-agent", login.userAgent()))
                .location(login.location())
                .locationProblem(login.location() == null ? facts.locationProblem(login) : null)
                .profile(profile)
                .device(facts.device(login))
                .failures(facts.failures(login, failureWindow))
                .build();
        return EvaluationRun.assess(evaluators, context, policy);
    }

    @Override
    public boolean teaches(LoginRecord login, Verdict verdict) {
        return switch (learning) {
            case RECORDED -> login.teaches();
            case WOULD_BE_VERIFIED -> verdict.level() == RiskLevel.LOW
                    || verdict.level() == RiskLevel.MEDIUM && login.teaches();
        };
    }

    @Override
    public void learn(LoginRecord login) {
        UserAgentInfo agent = UserAgentInfo.parse(login.userAgent(), Map.of());
        LoginObservation observation = new LoginObservation(login.time(), login.ip(), login.location(),
                login.learnedDevice(), agent.browserFamily(), agent.osFamily());
        profiles.put(login.userId(), ProfileLearning.learn(profile(login.userId()), observation, ProfileLimits.DEFAULT));
    }

    /** What the pack has learned about the user so far. */
    public UserRiskProfile profile(String userId) {
        return profiles.getOrDefault(userId, UserRiskProfile.empty());
    }

    /** Sign-ins judged with some signal unavailable (expected: none in a synthetic history). */
    public long unavailableCount() {
        return unavailable;
    }
}
