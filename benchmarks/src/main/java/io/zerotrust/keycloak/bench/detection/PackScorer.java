package io.zerotrust.keycloak.bench.detection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.device.DeviceCookieStatus;
import io.zerotrust.keycloak.risk.device.DeviceEvaluator;
import io.zerotrust.keycloak.risk.device.DeviceEvaluatorConfig;
import io.zerotrust.keycloak.risk.device.DeviceSignal;
import io.zerotrust.keycloak.risk.device.UserAgentInfo;
import io.zerotrust.keycloak.risk.engine.EvaluationRun;
import io.zerotrust.keycloak.risk.engine.RiskAssessment;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskEvaluator;
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
import io.zerotrust.keycloak.risk.velocity.FailureCounts;
import io.zerotrust.keycloak.risk.velocity.LoginFailuresEvaluator;
import io.zerotrust.keycloak.risk.velocity.LoginFailuresSettings;

/**
 * The pack's own risk model, outside Keycloak: the evaluators {@code geo}, {@code impossible-travel},
 * {@code device}, {@code time}, {@code login-failures} and {@code ip-reputation} with their default settings, the
 * engine with {@link RiskPolicy#defaults()}, and a profile per user learned by {@link ProfileLearning} as
 * {@code zt-risk-learning} does. The context is what {@code RiskContextGatherer} would gather for the sign-in: its
 * GeoIP answer, the profile, a valid device cookie as {@link DeviceCookieStatus#VALID} (none as absent; no device is
 * trusted), no recent failures and no IP lists. The device learned is the one presented, else the one the sign-in
 * issued (what the risk-spi's package-private {@code LearnedDevice} chooses for a browser sign-in).
 *
 * <p>The risk is the engine's score before rounding: the prior plus every weighted log-odds (the score 0-100 is its
 * logistic, rounded, which would only add ties).
 */
public final class PackScorer implements LoginScorer {

    private static final String REALM = "benchmark";

    private final List<RiskEvaluator> evaluators = List.of(
            new GeoEvaluator(GeoSettings.defaults()),
            new ImpossibleTravelEvaluator(TravelSettings.defaults()),
            new DeviceEvaluator(DeviceEvaluatorConfig.defaults()),
            new TimeEvaluator(TimeSettings.defaults()),
            new LoginFailuresEvaluator(LoginFailuresSettings.defaults()),
            new IpReputationEvaluator(IpLists.none()));
    private final RiskPolicy policy = RiskPolicy.defaults();
    private final Map<String, UserRiskProfile> profiles = new HashMap<>();
    private long unavailable;

    @Override
    public String name() {
        return "pack";
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
        return new Verdict(logOdds, assessment.level());
    }

    /** The engine's full assessment of the sign-in, reasons included. */
    public RiskAssessment assess(LoginRecord login) {
        UserRiskProfile profile = profile(login.userId());
        DeviceSignal device = login.presentedDevice() == null ? DeviceSignal.absent()
                : new DeviceSignal(DeviceCookieStatus.VALID, login.presentedDevice(), false);
        RiskContext context = RiskContext.builder(REALM, login.time())
                .userId(login.userId())
                .clientIp(login.ip())
                .userAgent(login.userAgent())
                .headers(login.userAgent() == null ? Map.of() : Map.of("user-agent", login.userAgent()))
                .location(login.location())
                .locationProblem(login.location() == null ? "address not found in the GeoIP database" : null)
                .profile(profile)
                .device(device)
                .failures(FailureCounts.none())
                .build();
        return EvaluationRun.assess(evaluators, context, policy);
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

    /** Sign-ins judged with some signal unavailable (expected: none). */
    public long unavailableCount() {
        return unavailable;
    }
}
