package io.zerotrust.keycloak.risk.posture;


import java.util.List;

import io.zerotrust.keycloak.risk.tuning.TunedEvaluatorFactory;
import io.zerotrust.keycloak.risk.tuning.TunedSettings;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Registers the {@code device-posture} evaluator. Server-wide options, e.g.
 * {@code --spi-zt-risk-evaluator--device-posture--jwks-file=/opt/keycloak/conf/posture-jwks.json}; keys and files are
 * read here, at start-up, never on a login thread. A realm may override every option but {@value #JWKS_FILE} (a
 * server file), e.g. with its own {@value #PUBLIC_KEY}; the settings are then read once per distinct realm value.
 */
public class PostureEvaluatorFactory implements TunedEvaluatorFactory<PostureEvaluator> {

    /** Request header carrying the compact JWS. */
    public static final String HEADER = "header";
    /** PEM public key (or certificate) the device agent signs with. */
    public static final String PUBLIC_KEY = "public-key";
    /** Path of a JWKS JSON file with the device agent's keys. */
    public static final String JWKS_FILE = "jwks-file";
    /** Oldest acceptable {@code iat}, in seconds. */
    public static final String MAX_AGE_SECONDS = "max-age-seconds";
    /** Tolerated clock difference, in seconds. */
    public static final String CLOCK_SKEW_SECONDS = "clock-skew-seconds";
    /** Required {@code aud}; unset requires the realm's issuer, {@code <frontend base>/realms/<realm>}. */
    public static final String AUDIENCE = "audience";
    /**
     * Claim that must name the device of the request's valid {@code ZT_DEVICE} cookie (its device id); unset is
     * {@value PostureAssertionVerifier#DEFAULT_DEVICE_CLAIM}.
     */
    public static final String DEVICE_CLAIM = "device-claim";
    /** Claim conditions, see {@link ClaimRequirement}. */
    public static final String REQUIRED_CLAIMS = "required-claims";
    /** {@code Family:version} pairs, see {@link MinimumVersions}. */
    public static final String MIN_BROWSER_VERSIONS = "min-browser-versions";
    /** {@code Family:version} pairs, see {@link MinimumVersions}. */
    public static final String MIN_OS_VERSIONS = "min-os-versions";

    public static final String MISSING_LOG_ODDS = "missing-log-odds";
    public static final String BAD_SIGNATURE_LOG_ODDS = "bad-signature-log-odds";
    public static final String STALE_LOG_ODDS = "stale-log-odds";
    public static final String WRONG_AUDIENCE_LOG_ODDS = "wrong-audience-log-odds";
    public static final String UNBOUND_LOG_ODDS = "unbound-log-odds";
    public static final String MALFORMED_LOG_ODDS = "malformed-log-odds";
    public static final String CLAIM_FAILED_LOG_ODDS = "claim-failed-log-odds";
    public static final String COMPLIANT_LOG_ODDS = "compliant-log-odds";
    public static final String BROWSER_OUTDATED_LOG_ODDS = "browser-outdated-log-odds";
    public static final String OS_OUTDATED_LOG_ODDS = "os-outdated-log-odds";

    private final TunedSettings<PostureEvaluator> evaluators =
            new TunedSettings<>(PostureEvaluator.ID, options -> new PostureEvaluator(PostureEvaluatorConfig.from(options)), JWKS_FILE);

    @Override
    public String getId() {
        return PostureEvaluator.ID;
    }

    @Override
    public void init(Config.Scope config) {
        evaluators.init(config);
    }

    /** The server-wide policy, read at start-up. */
    public PostureEvaluatorConfig config() {
        return evaluators.serverWide().config();
    }

    /** The policy of the session's realm; {@link PostureAssertions} verifies with it. */
    public PostureEvaluatorConfig config(KeycloakSession session) {
        return evaluators.current(session).config();
    }

    @Override
    public TunedSettings<PostureEvaluator> tuned() {
        return evaluators;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create()
                .property().name(HEADER).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Request header carrying the signed posture assertion (compact JWS).")
                .defaultValue(PostureEvaluatorConfig.DEFAULT_HEADER).add()
                .property().name(PUBLIC_KEY).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("PEM public key (RSA or EC) or certificate that verifies posture assertions.").add()
                .property().name(JWKS_FILE).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Path of a JWKS file with the keys that verify posture assertions, read at start-up only.").add()
                .property().name(MAX_AGE_SECONDS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Oldest acceptable assertion (iat), in seconds.")
                .defaultValue(Long.toString(PostureEvaluatorConfig.DEFAULT_MAX_AGE_SECONDS)).add()
                .property().name(CLOCK_SKEW_SECONDS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Tolerated clock difference between device and server, in seconds.")
                .defaultValue(Long.toString(PostureEvaluatorConfig.DEFAULT_CLOCK_SKEW_SECONDS)).add()
                .property().name(AUDIENCE).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Audience (aud) assertions must be issued for; unset requires the realm's issuer URL.").add()
                .property().name(DEVICE_CLAIM).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Claim that must hold the device id of the browser's ZT_DEVICE cookie.")
                .defaultValue(PostureAssertionVerifier.DEFAULT_DEVICE_CLAIM).add()
                .property().name(REQUIRED_CLAIMS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Comma-separated claim conditions with =, <= or >=, e.g. managed=true,os_patch_age_days<=30.").add()
                .property().name(MIN_BROWSER_VERSIONS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Minimum browser versions, e.g. Chrome:120,Firefox:115,Safari:17.").add()
                .property().name(MIN_OS_VERSIONS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Minimum OS versions, e.g. Windows:10,Mac OS X:13,iOS:17,Android:13.").add();
        PostureLogOdds defaults = PostureLogOdds.defaults();
        logOdds(builder, MISSING_LOG_ODDS, "no assertion sent", defaults.missing());
        logOdds(builder, BAD_SIGNATURE_LOG_ODDS, "an unsigned, HMAC or invalid signature", defaults.badSignature());
        logOdds(builder, STALE_LOG_ODDS, "a stale, expired or replayed assertion (HIGH whatever the score)", defaults.stale());
        logOdds(builder, WRONG_AUDIENCE_LOG_ODDS, "an assertion for another audience", defaults.wrongAudience());
        logOdds(builder, UNBOUND_LOG_ODDS, "an assertion not naming the browser's device cookie", defaults.unbound());
        logOdds(builder, MALFORMED_LOG_ODDS, "a malformed assertion", defaults.malformed());
        logOdds(builder, CLAIM_FAILED_LOG_ODDS, "each required claim not met", defaults.claimFailed());
        logOdds(builder, COMPLIANT_LOG_ODDS, "a verified, compliant assertion", defaults.compliant());
        logOdds(builder, BROWSER_OUTDATED_LOG_ODDS, "a browser below its minimum version", defaults.browserOutdated());
        logOdds(builder, OS_OUTDATED_LOG_ODDS, "an OS below its minimum version", defaults.osOutdated());
        return builder.build();
    }

    private static void logOdds(ProviderConfigurationBuilder builder, String key, String finding, double defaultValue) {
        builder.property().name(key).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Log-odds for " + finding + ".").defaultValue(Double.toString(defaultValue)).add();
    }
}
