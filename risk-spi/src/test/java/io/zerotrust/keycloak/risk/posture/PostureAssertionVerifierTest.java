package io.zerotrust.keycloak.risk.posture;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.zerotrust.keycloak.risk.posture.PostureVerification.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostureAssertionVerifierTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final KeyPair RSA = TestJws.rsa();
    static final KeyPair EC = TestJws.ec();
    static final KeyPair OTHER_RSA = TestJws.rsa();
    static final String AUDIENCE = "https://sso.example.com/realms/corp";
    /** The device id of the browser's device cookie. */
    static final String DEVICE = "Vb1xJ0mP3kQ7rT9wY2zA4c";

    private final PostureAssertionVerifier verifier = new PostureAssertionVerifier(
            List.of(PostureKeys.fromPem(TestJws.pem(RSA.getPublic())), PostureKeys.fromPem(TestJws.pem(EC.getPublic()))),
            AUDIENCE, null, Duration.ofSeconds(300), Duration.ofSeconds(30));

    static String claims(long iatOffsetSeconds, String extra) {
        return "{\"iat\":" + (NOW.getEpochSecond() + iatOffsetSeconds) + ",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"laptop-42\",\"zt_device\":\"" + DEVICE + "\""
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    @Test
    void rs256Verifies() {
        PostureVerification result = verifier.verify(TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", null), claims(-10, "\"managed\":true")), NOW, null, DEVICE);

        assertThat(result.outcome()).isEqualTo(Outcome.VALID);
        assertThat(result.claims().get("managed").asBoolean()).isTrue();
    }

    @Test
    void es256Verifies() {
        String jws = TestJws.es256(EC.getPrivate(), TestJws.header("ES256", null), claims(-10, ""));

        assertThat(verifier.verify(jws, NOW, null, DEVICE).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void tamperedClaimsDoNotVerify() {
        String jws = TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", null), claims(-10, "\"managed\":false"));
        String[] parts = jws.split("\\.");
        String forged = parts[0] + "." + TestJws.b64(claims(-10, "\"managed\":true")) + "." + parts[2];

        assertThat(verifier.verify(forged, NOW, null, DEVICE).outcome()).isEqualTo(Outcome.BAD_SIGNATURE);
    }

    @Test
    void tamperedEcSignatureDoesNotVerify() {
        String jws = TestJws.es256(EC.getPrivate(), TestJws.header("ES256", null), claims(-10, ""));
        char last = jws.charAt(jws.length() - 3);
        String forged = jws.substring(0, jws.length() - 3) + (last == 'A' ? 'B' : 'A') + jws.substring(jws.length() - 2);

        assertThat(verifier.verify(forged, NOW, null, DEVICE).outcome()).isEqualTo(Outcome.BAD_SIGNATURE);
    }

    @Test
    void wrongKeyDoesNotVerify() {
        String jws = TestJws.rs256(OTHER_RSA.getPrivate(), TestJws.header("RS256", null), claims(-10, ""));

        assertThat(verifier.verify(jws, NOW, null, DEVICE).outcome()).isEqualTo(Outcome.BAD_SIGNATURE);
    }

    @Test
    void algNoneIsRejected() {
        PostureVerification result = verifier.verify(TestJws.unsigned(claims(-10, "")), NOW, null, DEVICE);

        assertThat(result.outcome()).isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(result.detail()).contains("none");
    }

    @Test
    void hmacWithThePublicKeyAsSecretIsRejected() {
        String jws = TestJws.hs256(TestJws.pem(RSA.getPublic()).getBytes(StandardCharsets.US_ASCII), claims(-10, ""));

        assertThat(verifier.verify(jws, NOW, null, DEVICE).outcome()).isEqualTo(Outcome.BAD_SIGNATURE);
    }

    @Test
    void algorithmMustMatchKeyType() {
        // An RSA signature claiming to be ES256 finds no EC key that verifies it
        String input = TestJws.signingInput(TestJws.header("ES256", null), claims(-10, ""));
        String rsaSigned = TestJws.rs256(RSA.getPrivate(), TestJws.header("ES256", null), claims(-10, ""));

        assertThat(rsaSigned).startsWith(input);
        assertThat(verifier.verify(rsaSigned, NOW, null, DEVICE).outcome()).isEqualTo(Outcome.BAD_SIGNATURE);
    }

    @Test
    void tooOldIsStale() {
        String jws = TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", null), claims(-400, ""));

        assertThat(verifier.verify(jws, NOW, null, DEVICE).outcome()).isEqualTo(Outcome.STALE);
    }

    @Test
    void withinClockSkewIsFresh() {
        String old = TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", null), claims(-320, ""));
        String early = TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", null), claims(20, ""));

        assertThat(verifier.verify(old, NOW, null, DEVICE).outcome()).isEqualTo(Outcome.VALID);
        assertThat(verifier.verify(early, NOW, null, DEVICE).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void futureIssuedIsStale() {
        String jws = TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", null), claims(3600, ""));

        assertThat(verifier.verify(jws, NOW, null, DEVICE).outcome()).isEqualTo(Outcome.STALE);
    }

    @Test
    void expiredIsStale() {
        String jws = TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", null),
                claims(-10, "\"exp\":" + (NOW.getEpochSecond() - 60)));

        PostureVerification result = verifier.verify(jws, NOW, null, DEVICE);
        assertThat(result.outcome()).isEqualTo(Outcome.STALE);
        assertThat(result.detail()).contains("expired");
    }

    @Test
    void missingIatIsMalformed() {
        String jws = TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", null), "{\"aud\":\"" + AUDIENCE + "\"}");

        assertThat(verifier.verify(jws, NOW, null, DEVICE).outcome()).isEqualTo(Outcome.MALFORMED);
    }

    @Test
    void wrongAudience() {
        String jws = TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", null),
                "{\"iat\":" + NOW.getEpochSecond() + ",\"aud\":\"https://other.example.com\"}");

        assertThat(verifier.verify(jws, NOW, null, DEVICE).outcome()).isEqualTo(Outcome.WRONG_AUDIENCE);
    }

    @Test
    void audienceArrayIsAccepted() {
        String jws = TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", null),
                "{\"iat\":" + NOW.getEpochSecond() + ",\"aud\":[\"x\",\"" + AUDIENCE + "\"],\"zt_device\":\"" + DEVICE + "\"}");

        assertThat(verifier.verify(jws, NOW, null, DEVICE).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void audienceDefaultsToTheRealmIssuerAndConfiguredAudienceOverrides() {
        PostureAssertionVerifier byRealm = new PostureAssertionVerifier(List.of(PostureKeys.fromPem(TestJws.pem(RSA.getPublic()))),
                null, null, Duration.ofSeconds(300), Duration.ofSeconds(30));
        String forCorp = TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", null), claims(-5, ""));

        assertThat(byRealm.verify(forCorp, NOW, AUDIENCE, DEVICE).outcome()).isEqualTo(Outcome.VALID);
        assertThat(byRealm.verify(forCorp, NOW, "https://sso.example.com/realms/other", DEVICE).outcome())
                .isEqualTo(Outcome.WRONG_AUDIENCE);
        // The configured audience wins over the realm's issuer
        assertThat(verifier.verify(forCorp, NOW, "https://sso.example.com/realms/other", DEVICE).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void assertionMustNameTheDeviceOfTheBrowsersCookie() {
        String jws = TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", null), claims(-5, ""));

        assertThat(verifier.verify(jws, NOW, null, DEVICE).outcome()).isEqualTo(Outcome.VALID);
        // Another account's browser, or a browser without a valid cookie of the user signing in
        PostureVerification other = verifier.verify(jws, NOW, null, "Zz9yX8wV7uT6sR5qP4oN3m");
        assertThat(other.outcome()).isEqualTo(Outcome.UNBOUND);
        assertThat(other.detail()).contains("another device");
        assertThat(verifier.verify(jws, NOW, null, null).outcome()).isEqualTo(Outcome.UNBOUND);
        String unnamed = TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", null),
                "{\"iat\":" + NOW.getEpochSecond() + ",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + DEVICE + "\"}");
        assertThat(verifier.verify(unnamed, NOW, null, DEVICE).outcome()).isEqualTo(Outcome.UNBOUND);
    }

    @Test
    void deviceClaimIsConfigurable() {
        PostureAssertionVerifier bySub = new PostureAssertionVerifier(List.of(PostureKeys.fromPem(TestJws.pem(RSA.getPublic()))),
                AUDIENCE, "sub", Duration.ofSeconds(300), Duration.ofSeconds(30));
        String jws = TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", null), claims(-5, ""));

        assertThat(bySub.deviceClaim()).isEqualTo("sub");
        assertThat(bySub.verify(jws, NOW, null, "laptop-42").outcome()).isEqualTo(Outcome.VALID);
        assertThat(bySub.verify(jws, NOW, null, DEVICE).outcome()).isEqualTo(Outcome.UNBOUND);
    }

    @Test
    void replayIdIsTheJtiElseTheSignedBytesNotTheSignature() {
        String withJti = TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", null), claims(-5, "\"jti\":\"a-1\""));
        String sameJti = TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", null), claims(-6, "\"jti\":\"a-1\""));
        String noJti = TestJws.es256(EC.getPrivate(), TestJws.header("ES256", null), claims(-5, ""));
        // A second signature over the same bytes (ECDSA signatures are randomised, and malleable)
        String resigned = TestJws.es256(EC.getPrivate(), TestJws.header("ES256", null), claims(-5, ""));

        assertThat(verifier.verify(withJti, NOW, null, DEVICE).replayId()).isEqualTo(verifier.verify(sameJti, NOW, null, DEVICE).replayId());
        assertThat(resigned).isNotEqualTo(noJti);
        assertThat(verifier.verify(noJti, NOW, null, DEVICE).replayId()).isNotNull()
                .isEqualTo(verifier.verify(resigned, NOW, null, DEVICE).replayId())
                .isNotEqualTo(verifier.verify(withJti, NOW, null, DEVICE).replayId());
        assertThat(verifier.replayWindow()).isEqualTo(Duration.ofSeconds(360));
    }

    @Test
    void garbageIsMalformed() {
        assertThat(verifier.verify("garbage", NOW, null, DEVICE).outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(verifier.verify("a.b.c", NOW, null, DEVICE).outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(verifier.verify(TestJws.b64("{\"alg\":\"XY999\"}") + ".e30.AAAA", NOW, null, DEVICE).outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(verifier.verify("A".repeat(PostureAssertionVerifier.MAX_LENGTH + 1), NOW, null, DEVICE).outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(verifier.verify(null, NOW, null, DEVICE).outcome()).isEqualTo(Outcome.MALFORMED);
    }

    @Test
    void signedNonObjectClaimsAreMalformed() {
        String jws = TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", null), "[1,2]");

        assertThat(verifier.verify(jws, NOW, null, DEVICE).outcome()).isEqualTo(Outcome.MALFORMED);
    }

    @Test
    void jwksKeysAreChosenByKid(@TempDir Path dir) throws Exception {
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, "{\"keys\":[" + TestJws.jwk(RSA.getPublic(), "rsa-1") + "," + TestJws.jwk(EC.getPublic(), "ec-1") + "]}");
        PostureAssertionVerifier fromJwks = new PostureAssertionVerifier(PostureKeys.fromJwksFile(jwks), null, null,
                Duration.ofSeconds(300), Duration.ofSeconds(30));

        assertThat(fromJwks.verify(TestJws.es256(EC.getPrivate(), TestJws.header("ES256", "ec-1"), claims(0, "")), NOW, null, DEVICE).outcome())
                .isEqualTo(Outcome.VALID);
        assertThat(fromJwks.verify(TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", "rsa-1"), claims(0, "")), NOW, null, DEVICE).outcome())
                .isEqualTo(Outcome.VALID);
        assertThat(fromJwks.verify(TestJws.rs256(RSA.getPrivate(), TestJws.header("RS256", "unknown"), claims(0, "")), NOW, null, DEVICE).outcome())
                .isEqualTo(Outcome.BAD_SIGNATURE);
    }

    @Test
    void unreadableKeysAreRejectedAtLoad(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> PostureKeys.fromPem("not a key")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostureKeys.fromJwks("{\"keys\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostureKeys.fromJwks("[oops".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostureKeys.fromJwksFile(dir.resolve("absent.json"))).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void pemWithEscapedNewlinesReads() {
        String oneLine = TestJws.pem(EC.getPublic()).replace("\n", "\\n");

        assertThat(PostureKeys.fromPem(oneLine).key()).isEqualTo(EC.getPublic());
    }

    @Test
    void derToJoseRoundTripsThroughTheJdk() throws Exception {
        // The test helper's own conversion must agree with the JDK's P1363 format
        byte[] der = signDer("hello");
        java.security.Signature p1363 = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
        p1363.initVerify(EC.getPublic());
        p1363.update("hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(p1363.verify(TestJws.derToJose(der, 32))).isTrue();
    }

    private static byte[] signDer(String text) throws Exception {
        java.security.Signature signature = java.security.Signature.getInstance("SHA256withECDSA");
        signature.initSign(EC.getPrivate());
        signature.update(text.getBytes(StandardCharsets.US_ASCII));
        return signature.sign();
    }
}
