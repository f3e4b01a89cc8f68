package io.zerotrust.keycloak.bench;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.zerotrust.keycloak.risk.block.BlockEvaluator;
import io.zerotrust.keycloak.risk.block.BlockSettings;
import io.zerotrust.keycloak.risk.device.DeviceCookieStatus;
import io.zerotrust.keycloak.risk.device.DeviceEvaluator;
import io.zerotrust.keycloak.risk.device.DeviceEvaluatorConfig;
import io.zerotrust.keycloak.risk.device.DeviceSignal;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import io.zerotrust.keycloak.risk.engine.EvaluationRun;
import io.zerotrust.keycloak.risk.engine.RiskAssessment;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskEvaluator;
import io.zerotrust.keycloak.risk.engine.RiskPolicy;
import io.zerotrust.keycloak.risk.geo.GeoEvaluator;
import io.zerotrust.keycloak.risk.geo.GeoLocation;
import io.zerotrust.keycloak.risk.geo.GeoSettings;
import io.zerotrust.keycloak.risk.posture.PostureAssertionVerifier;
import io.zerotrust.keycloak.risk.posture.PostureEvaluator;
import io.zerotrust.keycloak.risk.posture.PostureEvaluatorConfig;
import io.zerotrust.keycloak.risk.posture.PostureVerification;
import io.zerotrust.keycloak.risk.profile.LoginObservation;
import io.zerotrust.keycloak.risk.profile.ProfileLearning;
import io.zerotrust.keycloak.risk.profile.ProfileLimits;
import io.zerotrust.keycloak.risk.profile.UserRiskProfile;
import io.zerotrust.keycloak.risk.reputation.CidrSet;
import io.zerotrust.keycloak.risk.reputation.IpLists;
import io.zerotrust.keycloak.risk.reputation.IpReputationEvaluator;
import io.zerotrust.keycloak.risk.reputation.ListSnapshot;
import io.zerotrust.keycloak.risk.time.AccessWindowParser;
import io.zerotrust.keycloak.risk.time.TimeEvaluator;
import io.zerotrust.keycloak.risk.time.TimeSettings;
import io.zerotrust.keycloak.risk.travel.ImpossibleTravelEvaluator;
import io.zerotrust.keycloak.risk.travel.TravelSettings;
import io.zerotrust.keycloak.risk.velocity.FailureCounts;
import io.zerotrust.keycloak.risk.velocity.LoginFailuresEvaluator;
import io.zerotrust.keycloak.risk.velocity.LoginFailuresSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full risk evaluation (the engine and the eight built-in evaluators that judge the gathered context: all but
 * anomaly-mark) for a user with a realistic, full profile learned from 400 logins, and each evaluator alone.
 * Excludes database I/O: the context is gathered beforehand, as RiskContextGatherer does once per sign-in, but for
 * the posture assertion, a real RS256 JWS, which each operation verifies.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RiskEvaluationBenchmark {

    @Param({"all", "geo", "impossible-travel", "device", "device-posture", "time", "login-failures", "ip-reputation", "address-block"})
    public String evaluator;

    private List<RiskEvaluator> evaluators;
    /** All of the context but the posture verification, which each operation adds. */
    private RiskContext.Builder context;
    private PostureAssertionVerifier verifier;
    private boolean verifiesPosture;
    private String posture;
    private String deviceId;
    private Instant now;
    private RiskPolicy policy;

    @Setup
    public void setUp() throws Exception {
        KeyPair signer = rsa();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(signer.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
        Map<String, String> postureOptions = Map.of("public-key", pem, "required-claims", "managed=true,disk_encrypted=true");
        PostureEvaluatorConfig postureConfig = PostureEvaluatorConfig.from(new OptionReader("device-posture", postureOptions::get));
        verifier = postureConfig.verifier();

        CidrSet tor = CidrSet.of("198.18.0.0/15", "2001:db8:dead::/48", "192.0.2.201");
        List<RiskEvaluator> all = List.of(
                new GeoEvaluator(GeoSettings.defaults()),
                new ImpossibleTravelEvaluator(TravelSettings.defaults()),
                new DeviceEvaluator(DeviceEvaluatorConfig.defaults()),
                new PostureEvaluator(postureConfig),
                new TimeEvaluator(new TimeSettings(AccessWindowParser.parse("Mon-Fri 06:00-22:00 Europe/Berlin; Sat-Sun 08:00-20:00 Europe/Berlin"),
                        TimeSettings.DEFAULT_MIN_LOGINS, TimeSettings.DEFAULT_NEIGHBOUR_HOURS, TimeSettings.DEFAULT_SMOOTHING)),
                new LoginFailuresEvaluator(LoginFailuresSettings.defaults()),
                new IpReputationEvaluator(new IpLists(ListSnapshot.of("allow", CidrSet.of("10.0.0.0/8")),
                        ListSnapshot.of("deny", CidrSet.of("203.0.113.0/24")), ListSnapshot.of("tor", tor))),
                new BlockEvaluator(BlockSettings.defaults()));
        evaluators = "all".equals(evaluator) ? all : all.stream().filter(e -> e.id().equals(evaluator)).toList();
        verifiesPosture = evaluators.stream().anyMatch(e -> e.id().equals(PostureEvaluator.ID));
        if (evaluators.isEmpty()) {
            throw new IllegalArgumentException("unknown evaluator " + evaluator);
        }

        Instant now = Instant.parse("2026-11-23T09:30:00Z");
        UserRiskProfile profile = fullProfile(now);
        deviceId = profile.devices().keySet().iterator().next();
        long iat = now.getEpochSecond();
        // Bound to the browser's device, as the verifier requires
        posture = jws(signer, "{\"sub\":\"device-42\",\"iat\":" + iat + ",\"exp\":" + (iat + 300)
                + ",\"managed\":true,\"disk_encrypted\":true,\"" + PostureAssertionVerifier.DEFAULT_DEVICE_CLAIM
                + "\":\"" + deviceId + "\"}");
        String userAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
        Map<String, String> headers = new HashMap<>();
        headers.put("user-agent", userAgent);
        headers.put("x-device-posture", posture);
        this.now = now;
        context = RiskContext.builder("bench", now)
                .userId("user-1")
                .clientIp("192.0.2.10")
                .userAgent(userAgent)
                .headers(headers)
                .location(new GeoLocation("DE", "Germany", "Berlin", 52.52, 13.405, 20, 64500L, "Example Telecom",
                        false, false, false, false))
                .profile(profile)
                .device(new DeviceSignal(DeviceCookieStatus.VALID, deviceId, false))
                .failures(new FailureCounts(1, 2, 2, 2, 3));
        policy = RiskPolicy.defaults();
    }

    /** A profile at its size limits, learned from 400 logins across countries, cities, networks and devices. */
    private static UserRiskProfile fullProfile(Instant now) {
        UserRiskProfile profile = UserRiskProfile.empty();
        String[] countries = {"DE", "AT", "CH", "FR", "NL", "BE", "IT", "ES", "PL", "CZ", "DK", "SE", "NO", "FI", "PT",
                "IE", "GB", "US", "CA", "JP", "SG", "AU", "NZ", "BR", "MX", "ZA", "IN", "KR", "HU", "RO"};
        for (int i = 0; i < 400; i++) {
            Instant at = now.minus(Duration.ofHours(400 - i)).minus(Duration.ofMinutes(7L * i % 60));
            String country = countries[i % countries.length];
            GeoLocation where = new GeoLocation(country, country, "City-" + (i % 90), 40.0 + i % 20, 5.0 + i % 30, 50,
                    64500L + i % 80, "AS" + i % 80, false, false, false, false);
            profile = ProfileLearning.learn(profile, new LoginObservation(at, "192.0.2." + (i % 250), where,
                    "device-" + (i % 25), "Chrome", "Windows"), ProfileLimits.DEFAULT);
        }
        // The last logins are the user's usual ones, hours ago, from where they are now (three, so that the address
        // block, evicted from the eight networks the profile keeps, counts again)
        GeoLocation berlin = new GeoLocation("DE", "Germany", "Berlin", 52.52, 13.405, 20, 64500L, "Example Telecom",
                false, false, false, false);
        for (int minutes = 30; minutes >= 0; minutes -= 15) {
            profile = ProfileLearning.learn(profile, new LoginObservation(now.minus(Duration.ofHours(2).plusMinutes(minutes)),
                    "192.0.2.10", berlin, "device-7", "Chrome", "Windows"), ProfileLimits.DEFAULT);
        }
        return profile;
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String jws(KeyPair signer, String claims) throws Exception {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String input = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(signer.getPrivate());
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + url.encodeToString(signature.sign());
    }

    /**
     * Where the posture evaluator runs, the assertion is verified (JWS parse, RSA-2048 signature, claims, device
     * binding) in each operation, as the context gatherer does once per sign-in; the replay check in Keycloak's
     * single-use store is left out.
     */
    @Benchmark
    public RiskAssessment evaluate() {
        PostureVerification verification = verifiesPosture ? verifier.verify(posture, now, null, deviceId) : null;
        return EvaluationRun.assess(evaluators, context.posture(verification).build(), policy);
    }
}
