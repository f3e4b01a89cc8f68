package io.zerotrust.keycloak.risk.posture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.zerotrust.keycloak.risk.device.UserAgentInfo;
import io.zerotrust.keycloak.risk.device.VersionNumber;
import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskEvaluator;
import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.engine.RiskReason;

/**
 * Judges device posture: a signed posture assertion from a device agent (when a verification key is configured)
 * and minimum browser and OS versions (when configured).
 *
 * <p>Without a key or JWKS the assertion is not looked at at all, so a realm without a device agent is not
 * penalised for every sign-in lacking one; only the version rules apply. A configured but unusable key or rule makes
 * every evaluation unavailable with the reason, which the engine turns into its fallback level.
 *
 * <p>The assertion was verified while the context was gathered ({@link PostureAssertions}: signature, freshness,
 * audience, device binding, single use); this judges the outcome. A stale or replayed assertion holds the sign-in at
 * HIGH whatever else is known: it is an old proof offered as a new one. One not bound to the browser's device
 * cookie counts as much as none.
 */
public final class PostureEvaluator implements RiskEvaluator {

    public static final String ID = "device-posture";

    public static final String POSTURE_MISSING = "POSTURE_MISSING";
    public static final String POSTURE_BAD_SIGNATURE = "POSTURE_BAD_SIGNATURE";
    public static final String POSTURE_STALE = "POSTURE_STALE";
    public static final String POSTURE_WRONG_AUDIENCE = "POSTURE_WRONG_AUDIENCE";
    public static final String POSTURE_UNBOUND = "POSTURE_UNBOUND";
    public static final String POSTURE_REPLAYED = "POSTURE_REPLAYED";
    public static final String POSTURE_MALFORMED = "POSTURE_MALFORMED";
    public static final String POSTURE_CLAIM_FAILED = "POSTURE_CLAIM_FAILED";
    public static final String POSTURE_COMPLIANT = "POSTURE_COMPLIANT";
    public static final String BROWSER_OUTDATED = "BROWSER_OUTDATED";
    public static final String OS_OUTDATED = "OS_OUTDATED";

    private final PostureEvaluatorConfig config;

    public PostureEvaluator(PostureEvaluatorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The policy this evaluator applies. */
    public PostureEvaluatorConfig config() {
        return config;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public EvaluatorResult evaluate(RiskContext context) {
        if (config.problem() != null) {
            return EvaluatorResult.unavailable(ID, config.problem());
        }
        List<RiskReason> reasons = new ArrayList<>();
        if (config.checksAssertions()) {
            EvaluatorResult unavailable = judgeAssertion(context, reasons);
            if (unavailable != null) {
                return unavailable;
            }
        }
        judgeVersions(context, reasons);
        return EvaluatorResult.of(ID, reasons);
    }

    private EvaluatorResult judgeAssertion(RiskContext context, List<RiskReason> reasons) {
        PostureLogOdds odds = config.logOdds();
        PostureVerification verification = context.posture();
        if (verification == null) {
            reasons.add(new RiskReason(ID, POSTURE_MISSING, odds.missing(), "The device sent no posture assertion.",
                    Map.of("header", config.header())));
            return null;
        }
        switch (verification.outcome()) {
            case MALFORMED -> reasons.add(failure(POSTURE_MALFORMED, odds.malformed(), "The posture assertion is malformed", verification));
            case BAD_SIGNATURE -> reasons.add(failure(POSTURE_BAD_SIGNATURE, odds.badSignature(),
                    "The posture assertion's signature is not valid", verification));
            case STALE -> reasons.add(failure(POSTURE_STALE, odds.stale(), "The posture assertion is not fresh", verification)
                    .withFloor(RiskLevel.HIGH));
            case REPLAYED -> reasons.add(failure(POSTURE_REPLAYED, odds.stale(), "The posture assertion was used before", verification)
                    .withFloor(RiskLevel.HIGH));
            case WRONG_AUDIENCE -> reasons.add(failure(POSTURE_WRONG_AUDIENCE, odds.wrongAudience(),
                    "The posture assertion was issued for someone else", verification));
            case UNBOUND -> reasons.add(failure(POSTURE_UNBOUND, odds.unbound(),
                    "The posture assertion is not bound to this browser's device", verification));
            case UNCHECKED -> {
                return EvaluatorResult.unavailable(ID, "the posture assertion could not be checked for replay");
            }
            case VALID -> judgeClaims(verification.claims(), reasons);
        }
        return null;
    }

    private static RiskReason failure(String code, double logOdds, String message, PostureVerification verification) {
        return new RiskReason(ID, code, logOdds, message + ": " + verification.detail() + ".", Map.of("detail", verification.detail()));
    }

    private void judgeClaims(JsonNode claims, List<RiskReason> reasons) {
        PostureLogOdds odds = config.logOdds();
        int failed = 0;
        for (ClaimRequirement requirement : config.requiredClaims()) {
            if (!requirement.isMetBy(claims)) {
                failed++;
                reasons.add(new RiskReason(ID, POSTURE_CLAIM_FAILED, odds.claimFailed(),
                        "The device does not meet " + requirement + " (claim " + requirement.claim() + ").",
                        Map.of("claim", requirement.claim(), "requirement", requirement.toString())));
            }
        }
        if (failed == 0) {
            reasons.add(RiskReason.of(ID, POSTURE_COMPLIANT, odds.compliant(), "The device proved a compliant posture."));
        }
    }

    private void judgeVersions(RiskContext context, List<RiskReason> reasons) {
        if (config.minBrowser().isEmpty() && config.minOs().isEmpty()) {
            return;
        }
        UserAgentInfo agent = UserAgentInfo.parse(context.userAgent(), context.headers());
        if (config.minBrowser().isOutdated(agent.browserFamily(), agent.browserVersion())) {
            reasons.add(outdated(BROWSER_OUTDATED, config.logOdds().browserOutdated(), "browser", agent.browserFamily(),
                    agent.browserVersion(), config.minBrowser().minimumFor(agent.browserFamily())));
        }
        if (config.minOs().isOutdated(agent.osFamily(), agent.osVersion())) {
            reasons.add(outdated(OS_OUTDATED, config.logOdds().osOutdated(), "operating system", agent.osFamily(),
                    agent.osVersion(), config.minOs().minimumFor(agent.osFamily())));
        }
    }

    private static RiskReason outdated(String code, double logOdds, String what, String family, VersionNumber version,
                                       VersionNumber minimum) {
        return new RiskReason(ID, code, logOdds,
                "The " + what + " " + family + " " + version + " is older than the required " + minimum + ".",
                Map.of("family", family, "version", version.toString(), "minimum", minimum.toString()));
    }
}
