package io.zerotrust.keycloak.risk.posture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.zerotrust.keycloak.risk.spi.OptionReader;
import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.engine.RiskReason;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProviderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.zerotrust.keycloak.risk.posture.PostureAssertionVerifierTest.AUDIENCE;
import static io.zerotrust.keycloak.risk.posture.PostureAssertionVerifierTest.DEVICE;
import static io.zerotrust.keycloak.risk.posture.PostureAssertionVerifierTest.EC;
import static io.zerotrust.keycloak.risk.posture.PostureAssertionVerifierTest.NOW;
import static io.zerotrust.keycloak.risk.posture.PostureAssertionVerifierTest.OTHER_RSA;
import static io.zerotrust.keycloak.risk.posture.PostureAssertionVerifierTest.RSA;
import static io.zerotrust.keycloak.risk.posture.PostureAssertionVerifierTest.claims;
import static org.assertj.core.api.Assertions.assertThat;

class PostureEvaluatorTest {

    private static final String OLD_CHROME_ON_WINDOWS_7 = "Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36";
    private static final String FIREFOX_128_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String COMPLIANT = "\"managed\":true,\"disk_encrypted\":true,\"screen_lock\":true,\"os_patch_age_days\":5";

    private final Map<String, String> options = new HashMap<>(Map.of(
            PostureEvaluatorFactory.PUBLIC_KEY, TestJws.pem(RSA.getPublic()),
            PostureEvaluatorFactory.AUDIENCE, AUDIENCE,
            PostureEvaluatorFactory.REQUIRED_CLAIMS, "managed=true,disk_encrypted=true,screen_lock=true,os_patch_age_days<=30"));

    @Test
    void compliantDeviceLowersRisk() {
        EvaluatorResult result = evaluate(rs256(COMPLIANT), null);

        assertThat(codes(result)).containsExactly(PostureEvaluator.POSTURE_COMPLIANT);
        assertThat(result.reasons().get(0).logOdds()).isEqualTo(PostureLogOdds.DEFAULT_COMPLIANT);
    }

    @Test
    void missingAssertion() {
        EvaluatorResult result = evaluate(null, null);

        assertThat(codes(result)).containsExactly(PostureEvaluator.POSTURE_MISSING);
        assertThat(result.reasons().get(0).logOdds()).isEqualTo(PostureLogOdds.DEFAULT_MISSING);
    }

    @Test
    void eachFailingClaimIsNamed() {
        EvaluatorResult result = evaluate(rs256("\"managed\":true,\"disk_encrypted\":false,\"os_patch_age_days\":45"), null);

        assertThat(codes(result)).containsExactly(PostureEvaluator.POSTURE_CLAIM_FAILED, PostureEvaluator.POSTURE_CLAIM_FAILED,
                PostureEvaluator.POSTURE_CLAIM_FAILED);
        assertThat(result.reasons()).extracting(r -> r.attributes().get("claim"))
                .containsExactly("disk_encrypted", "screen_lock", "os_patch_age_days");
        assertThat(result.reasons().get(0).message()).contains("disk_encrypted");
        assertThat(result.reasons()).allSatisfy(r -> assertThat(r.logOdds()).isEqualTo(PostureLogOdds.DEFAULT_CLAIM_FAILED));
    }

    @Test
    void forgedSignatureIsStrong() {
        String forged = TestJws.rs256(OTHER_RSA.getPrivate(), TestJws.header("RS256", null), claims(-5, COMPLIANT));
        RiskReason reason = single(evaluate(forged, null));

        assertThat(reason.code()).isEqualTo(PostureEvaluator.POSTURE_BAD_SIGNATURE);
        assertThat(reason.logOdds()).isEqualTo(PostureLogOdds.DEFAULT_BAD_SIGNATURE);
    }

    @Test
    void algNoneIsABadSignature() {
        assertThat(single(evaluate(TestJws.unsigned(claims(-5, COMPLIANT)), null)).code()).isEqualTo(PostureEvaluator.POSTURE_BAD_SIGNATURE);
    }

    @Test
    void staleWrongAudienceAndMalformed() {
        assertThat(single(evaluate(TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", null), claims(-3600, COMPLIANT)), null)).code())
                .isEqualTo(PostureEvaluator.POSTURE_STALE);
        assertThat(single(evaluate(TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", null),
                "{\"iat\":" + NOW.getEpochSecond() + ",\"aud\":\"elsewhere\"," + COMPLIANT + "}"), null)).code())
                .isEqualTo(PostureEvaluator.POSTURE_WRONG_AUDIENCE);
        assertThat(single(evaluate("%%%", null)).code()).isEqualTo(PostureEvaluator.POSTURE_MALFORMED);
    }

    @Test
    void staleIsHighOnItsOwn() {
        RiskReason reason = single(evaluate(TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", null), claims(-3600, COMPLIANT)), null));

        assertThat(reason.code()).isEqualTo(PostureEvaluator.POSTURE_STALE);
        assertThat(reason.floor()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void replayedIsHighOnItsOwn() {
        PostureVerification valid = evaluatorVerification(rs256(COMPLIANT));
        RiskReason reason = single(evaluate(evaluator(), valid.downgraded(PostureVerification.Outcome.REPLAYED, "already used"), null));

        assertThat(reason.code()).isEqualTo(PostureEvaluator.POSTURE_REPLAYED);
        assertThat(reason.floor()).isEqualTo(RiskLevel.HIGH);
        assertThat(reason.logOdds()).isEqualTo(PostureLogOdds.DEFAULT_STALE);
    }

    @Test
    void unboundAssertionGainsNothing() {
        // Signed for another account's browser: its device id is not this browser's
        PostureVerification unbound = PostureEvaluatorConfig.from(new OptionReader(PostureEvaluator.ID, options::get)).verifier()
                .verify(rs256(COMPLIANT), NOW, null, "Zz9yX8wV7uT6sR5qP4oN3m");
        RiskReason reason = single(evaluate(evaluator(), unbound, null));

        assertThat(reason.code()).isEqualTo(PostureEvaluator.POSTURE_UNBOUND);
        assertThat(reason.logOdds()).isEqualTo(PostureLogOdds.DEFAULT_MISSING).isPositive();
        assertThat(reason.floor()).isNull();
    }

    @Test
    void uncheckedReplayMakesTheEvaluationUnavailable() {
        PostureVerification unchecked = evaluatorVerification(rs256(COMPLIANT))
                .downgraded(PostureVerification.Outcome.UNCHECKED, "the replay check failed");

        assertThat(evaluate(evaluator(), unchecked, null).available()).isFalse();
    }

    @Test
    void unboundLogOddsAreConfigurable() {
        options.put(PostureEvaluatorFactory.UNBOUND_LOG_ODDS, "2.5");

        assertThat(PostureEvaluatorConfig.from(new OptionReader(PostureEvaluator.ID, options::get)).logOdds().unbound()).isEqualTo(2.5);
    }

    @Test
    void jwksFileWithEcKey(@TempDir Path dir) throws Exception {
        Path jwks = dir.resolve("posture-jwks.json");
        Files.writeString(jwks, "{\"keys\":[" + TestJws.jwk(EC.getPublic(), "agent-ec") + "]}");
        options.remove(PostureEvaluatorFactory.PUBLIC_KEY);
        options.put(PostureEvaluatorFactory.JWKS_FILE, jwks.toString());

        String jws = TestJws.es256(EC.getPrivate(), TestJws.header("ES256", "agent-ec"), claims(-5, COMPLIANT));
        assertThat(codes(evaluate(jws, null))).containsExactly(PostureEvaluator.POSTURE_COMPLIANT);
    }

    @Test
    void unreadableJwksFileMakesEvaluationsUnavailable(@TempDir Path dir) {
        Path absent = dir.resolve("missing.json");
        options.put(PostureEvaluatorFactory.JWKS_FILE, absent.toString());

        EvaluatorResult result = evaluate(rs256(COMPLIANT), null);

        assertThat(result.available()).isFalse();
        assertThat(result.unavailableReason()).contains(absent.toString()).contains("NoSuchFileException");
    }

    @Test
    void badClaimExpressionMakesEvaluationsUnavailable() {
        options.put(PostureEvaluatorFactory.REQUIRED_CLAIMS, "managed");

        EvaluatorResult result = evaluate(rs256(COMPLIANT), null);

        assertThat(result.available()).isFalse();
        assertThat(result.unavailableReason()).contains(PostureEvaluatorFactory.REQUIRED_CLAIMS);
    }

    @Test
    void withoutKeysOnlyVersionRulesApply() {
        options.clear();
        options.put(PostureEvaluatorFactory.MIN_BROWSER_VERSIONS, "Chrome:120,Firefox:115,Safari:17");
        options.put(PostureEvaluatorFactory.MIN_OS_VERSIONS, "Windows:10,Mac OS X:13,iOS:17,Android:13");

        EvaluatorResult outdated = evaluate(null, OLD_CHROME_ON_WINDOWS_7);
        assertThat(codes(outdated)).containsExactly(PostureEvaluator.BROWSER_OUTDATED, PostureEvaluator.OS_OUTDATED);
        assertThat(outdated.reasons().get(0).attributes()).containsEntry("family", "Chrome").containsEntry("minimum", "120");
        assertThat(outdated.reasons().get(0).message()).contains("Chrome", "109", "120");
        assertThat(outdated.reasons().get(1).attributes()).containsEntry("family", "Windows").containsEntry("version", "7");

        assertThat(evaluate(null, FIREFOX_128_WINDOWS).reasons()).isEmpty();
    }

    @Test
    void nothingConfiguredFindsNothing() {
        options.clear();
        assertThat(evaluate(null, OLD_CHROME_ON_WINDOWS_7).reasons()).isEmpty();
        assertThat(new PostureEvaluator(PostureEvaluatorConfig.none()).evaluate(RiskContext.builder("demo", NOW).build()).reasons()).isEmpty();
    }

    @Test
    void factoryIsRegistered() {
        assertThat(java.util.ServiceLoader.load(RiskEvaluatorProviderFactory.class).stream().map(p -> p.get().getId()))
                .contains(PostureEvaluator.ID);
        assertThat(new PostureEvaluatorFactory().create(null).id()).isEqualTo(PostureEvaluator.ID);
        assertThat(new PostureEvaluatorFactory().getConfigMetadata()).extracting(p -> p.getName())
                .contains(PostureEvaluatorFactory.PUBLIC_KEY, PostureEvaluatorFactory.JWKS_FILE, PostureEvaluatorFactory.REQUIRED_CLAIMS);
    }

    private static String rs256(String extraClaims) {
        return TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", null), claims(-5, extraClaims));
    }

    private PostureVerification evaluatorVerification(String assertion) {
        PostureVerification verification = PostureEvaluatorConfig.from(new OptionReader(PostureEvaluator.ID, options::get))
                .verifier().verify(assertion, NOW, null, DEVICE);
        assertThat(verification.outcome()).isEqualTo(PostureVerification.Outcome.VALID);
        return verification;
    }

    private PostureEvaluator evaluator() {
        return new PostureEvaluator(PostureEvaluatorConfig.from(new OptionReader(PostureEvaluator.ID, options::get)));
    }

    /** The assertion checked as {@link PostureAssertions} does for the browser's device cookie, minus the replay store. */
    private EvaluatorResult evaluate(String assertion, String userAgent) {
        PostureEvaluatorConfig config = PostureEvaluatorConfig.from(new OptionReader(PostureEvaluator.ID, options::get));
        PostureVerification posture = assertion == null || config.verifier() == null ? null
                : config.verifier().verify(assertion, NOW, null, DEVICE);
        return evaluate(new PostureEvaluator(config), posture, userAgent);
    }

    private static EvaluatorResult evaluate(PostureEvaluator evaluator, PostureVerification posture, String userAgent) {
        EvaluatorResult result = evaluator.evaluate(RiskContext.builder("demo", NOW).userId("alice").userAgent(userAgent)
                .posture(posture).build());
        assertThat(result.evaluator()).isEqualTo(PostureEvaluator.ID);
        return result;
    }

    private static java.util.List<String> codes(EvaluatorResult result) {
        assertThat(result.available()).as(result.unavailableReason()).isTrue();
        return result.reasons().stream().map(RiskReason::code).toList();
    }

    private static RiskReason single(EvaluatorResult result) {
        assertThat(codes(result)).hasSize(1);
        return result.reasons().get(0);
    }
}
