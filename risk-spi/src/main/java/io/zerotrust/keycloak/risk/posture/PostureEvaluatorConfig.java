package io.zerotrust.keycloak.risk.posture;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.zerotrust.keycloak.risk.spi.OptionReader;
import org.jboss.logging.Logger;

/**
 * The posture policy, read once at start-up.
 *
 * @param header         request header carrying the assertion
 * @param verifier       verifies assertions, or null when no key is configured: then only the version rules apply
 * @param requiredClaims conditions the verified claims must meet
 * @param minBrowser     minimum browser versions
 * @param minOs          minimum OS versions
 * @param logOdds        evidence per finding
 * @param problem        why the configuration is unusable (unreadable key, bad expression), else null; every
 *                       evaluation then reports the signal unavailable rather than silently checking less
 */
public record PostureEvaluatorConfig(String header, PostureAssertionVerifier verifier,
                                     List<ClaimRequirement> requiredClaims, MinimumVersions minBrowser,
                                     MinimumVersions minOs, PostureLogOdds logOdds, String problem) {

    private static final Logger LOG = Logger.getLogger(PostureEvaluatorConfig.class);

    public static final String DEFAULT_HEADER = "X-Device-Posture";
    public static final long DEFAULT_MAX_AGE_SECONDS = 300;
    public static final long DEFAULT_CLOCK_SKEW_SECONDS = 30;

    public PostureEvaluatorConfig {
        Objects.requireNonNull(header, "header");
        requiredClaims = requiredClaims == null ? List.of() : List.copyOf(requiredClaims);
        minBrowser = minBrowser == null ? MinimumVersions.none() : minBrowser;
        minOs = minOs == null ? MinimumVersions.none() : minOs;
        logOdds = logOdds == null ? PostureLogOdds.defaults() : logOdds;
    }

    /** Nothing configured: no posture check, no version rules. */
    public static PostureEvaluatorConfig none() {
        return new PostureEvaluatorConfig(DEFAULT_HEADER, null, List.of(), null, null, null, null);
    }

    /**
     * Reads the {@link PostureEvaluatorFactory} option keys. Problems with keys or rules are logged as errors with
     * their cause and kept in {@link #problem()}; unreadable numbers fall back to their defaults.
     */
    public static PostureEvaluatorConfig from(OptionReader options) {
        List<String> problems = new ArrayList<>();
        String header = options.string(PostureEvaluatorFactory.HEADER, DEFAULT_HEADER);
        Duration maxAge = Duration.ofSeconds(options.integer(PostureEvaluatorFactory.MAX_AGE_SECONDS, (int) DEFAULT_MAX_AGE_SECONDS, 1, Integer.MAX_VALUE));
        Duration skew = Duration.ofSeconds(options.integer(PostureEvaluatorFactory.CLOCK_SKEW_SECONDS, (int) DEFAULT_CLOCK_SKEW_SECONDS, 0, Integer.MAX_VALUE));
        List<PostureKey> keys = readKeys(options, problems);
        PostureAssertionVerifier verifier = keys.isEmpty() ? null
                : new PostureAssertionVerifier(keys, options.string(PostureEvaluatorFactory.AUDIENCE),
                        options.string(PostureEvaluatorFactory.DEVICE_CLAIM), maxAge, skew);
        List<ClaimRequirement> claims = List.of();
        try {
            claims = ClaimRequirement.parseAll(options.string(PostureEvaluatorFactory.REQUIRED_CLAIMS));
        } catch (IllegalArgumentException e) {
            problems.add(PostureEvaluatorFactory.REQUIRED_CLAIMS + ": " + e.getMessage());
        }
        MinimumVersions minBrowser = versions(options, PostureEvaluatorFactory.MIN_BROWSER_VERSIONS, problems);
        MinimumVersions minOs = versions(options, PostureEvaluatorFactory.MIN_OS_VERSIONS, problems);
        String problem = problems.isEmpty() ? null : String.join("; ", problems);
        if (problem != null && !options.collect(problem)) {
            LOG.errorf("zt-risk-evaluator %s is misconfigured, every evaluation will report it unavailable: %s",
                    PostureEvaluator.ID, problem);
        }
        return new PostureEvaluatorConfig(header, verifier, claims, minBrowser, minOs, PostureLogOdds.from(options), problem);
    }

    private static List<PostureKey> readKeys(OptionReader options, List<String> problems) {
        List<PostureKey> keys = new ArrayList<>();
        String pem = options.string(PostureEvaluatorFactory.PUBLIC_KEY);
        if (pem != null) {
            try {
                keys.add(PostureKeys.fromPem(pem));
            } catch (RuntimeException e) {
                problems.add(PostureEvaluatorFactory.PUBLIC_KEY + " is unreadable: " + e.getMessage());
            }
        }
        String jwksFile = options.string(PostureEvaluatorFactory.JWKS_FILE);
        if (jwksFile != null) {
            try {
                keys.addAll(PostureKeys.fromJwksFile(Path.of(jwksFile)));
            } catch (Exception e) {
                problems.add(PostureEvaluatorFactory.JWKS_FILE + " " + jwksFile + " is unreadable: "
                        + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return keys;
    }

    private static MinimumVersions versions(OptionReader options, String key, List<String> problems) {
        try {
            return MinimumVersions.parse(options.string(key));
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return MinimumVersions.none();
        }
    }

    /** Whether posture assertions are checked (a key or JWKS is configured). */
    public boolean checksAssertions() {
        return verifier != null;
    }
}
