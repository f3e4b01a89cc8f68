package io.zerotrust.keycloak.risk.posture;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.jose.jws.Algorithm;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.util.JsonSerialization;

/**
 * Verifies a device posture assertion: a compact JWS that a device agent (MDM, EDR) signs with its private key
 * and the browser sends along. Only the signature makes its claims worth anything, so it is checked first, against
 * configured public keys only: the {@code jwk}, {@code jku} and {@code x5c} headers are ignored.
 *
 * <p>Checks, in order: form and algorithm (RS256/384/512, ES256/384/512; never {@code none} or HMAC), signature,
 * freshness ({@code iat} required and within the maximum age, {@code exp} if present, both with clock skew),
 * audience (when configured: {@code aud}, string or array, must contain it). Thread-safe; never throws on a bad
 * assertion.
 */
public final class PostureAssertionVerifier {

    /** Longest assertion looked at; a posture JWS is a few hundred bytes. */
    public static final int MAX_LENGTH = 16 * 1024;

    private final List<PostureKey> keys;
    private final String audience;
    private final Duration maxAge;
    private final Duration clockSkew;

    /**
     * @param keys      keys that may have signed, at least one
     * @param audience  required {@code aud} value, or null to accept any audience
     * @param maxAge    oldest acceptable {@code iat}
     * @param clockSkew tolerance for clocks of device and server disagreeing
     */
    public PostureAssertionVerifier(List<PostureKey> keys, String audience, Duration maxAge, Duration clockSkew) {
        this.keys = List.copyOf(keys);
        if (this.keys.isEmpty()) {
            throw new IllegalArgumentException("at least one key is needed");
        }
        this.audience = audience == null || audience.isBlank() ? null : audience;
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
    }

    public PostureVerification verify(String compact, Instant now) {
        if (compact == null || compact.isBlank()) {
            return PostureVerification.failed(PostureVerification.Outcome.MALFORMED, "no assertion");
        }
        if (compact.length() > MAX_LENGTH) {
            return PostureVerification.failed(PostureVerification.Outcome.MALFORMED, "longer than " + MAX_LENGTH + " characters");
        }
        JWSInput jws;
        try {
            jws = new JWSInput(compact.trim());
        } catch (JWSInputException | RuntimeException e) {
            return PostureVerification.failed(PostureVerification.Outcome.MALFORMED, "not a compact JWS with a known algorithm");
        }
        Algorithm declared = jws.getHeader() == null ? null : jws.getHeader().getAlgorithm();
        if (declared == null) {
            return PostureVerification.failed(PostureVerification.Outcome.MALFORMED, "no alg in the header");
        }
        if (declared == Algorithm.none || declared.name().startsWith("HS")) {
            return PostureVerification.failed(PostureVerification.Outcome.BAD_SIGNATURE,
                    "algorithm " + declared.name() + " is not accepted: only public-key signatures count");
        }
        JwsAlgorithm algorithm = JwsAlgorithm.fromHeader(declared.name());
        if (algorithm == null) {
            return PostureVerification.failed(PostureVerification.Outcome.MALFORMED, "unsupported algorithm " + declared.name());
        }
        if (jws.getSignature() == null || jws.getSignature().length == 0) {
            return PostureVerification.failed(PostureVerification.Outcome.BAD_SIGNATURE, "no signature");
        }
        if (!signatureVerifies(jws, algorithm)) {
            return PostureVerification.failed(PostureVerification.Outcome.BAD_SIGNATURE,
                    "no configured key verifies the " + algorithm + " signature");
        }
        JsonNode claims;
        try {
            claims = JsonSerialization.mapper.readTree(jws.getContent());
        } catch (Exception e) {
            return PostureVerification.failed(PostureVerification.Outcome.MALFORMED, "claims are not JSON");
        }
        if (claims == null || !claims.isObject()) {
            return PostureVerification.failed(PostureVerification.Outcome.MALFORMED, "claims are not a JSON object");
        }
        PostureVerification freshness = checkFreshness(claims, now);
        if (freshness != null) {
            return freshness;
        }
        if (audience != null && !hasAudience(claims.get("aud"))) {
            return PostureVerification.failed(PostureVerification.Outcome.WRONG_AUDIENCE, "not issued for audience " + audience);
        }
        return new PostureVerification(PostureVerification.Outcome.VALID, "verified", claims);
    }

    private boolean signatureVerifies(JWSInput jws, JwsAlgorithm algorithm) {
        String kid = jws.getHeader().getKeyId();
        byte[] signedBytes = jws.getEncodedSignatureInput().getBytes(StandardCharsets.US_ASCII);
        for (PostureKey key : keys) {
            // A kid narrows the candidates; without one every key of the right type is tried
            boolean kidMatches = kid == null || key.keyId() == null || kid.equals(key.keyId());
            boolean algMatches = key.algorithm() == null || key.algorithm().equals(algorithm.name());
            if (kidMatches && algMatches && algorithm.accepts(key.key()) && verifies(algorithm, key, signedBytes, jws.getSignature())) {
                return true;
            }
        }
        return false;
    }

    private static boolean verifies(JwsAlgorithm algorithm, PostureKey key, byte[] signedBytes, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm.jcaName());
            verifier.initVerify(key.key());
            verifier.update(signedBytes);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A signature of the wrong length or encoding is simply not valid
            return false;
        }
    }

    private PostureVerification checkFreshness(JsonNode claims, Instant now) {
        Instant issuedAt = numericDate(claims.get("iat"));
        if (issuedAt == null) {
            return PostureVerification.failed(PostureVerification.Outcome.MALFORMED, "no numeric iat claim");
        }
        if (issuedAt.isAfter(now.plus(clockSkew))) {
            return PostureVerification.failed(PostureVerification.Outcome.STALE, "issued in the future (" + issuedAt + ")");
        }
        if (issuedAt.plus(maxAge).plus(clockSkew).isBefore(now)) {
            return PostureVerification.failed(PostureVerification.Outcome.STALE,
                    "issued at " + issuedAt + ", older than " + maxAge.toSeconds() + " seconds");
        }
        JsonNode exp = claims.get("exp");
        if (exp != null && !exp.isNull()) {
            Instant expiry = numericDate(exp);
            if (expiry == null) {
                return PostureVerification.failed(PostureVerification.Outcome.MALFORMED, "exp is not a number");
            }
            if (!expiry.plus(clockSkew).isAfter(now)) {
                return PostureVerification.failed(PostureVerification.Outcome.STALE, "expired at " + expiry);
            }
        }
        return null;
    }

    private static Instant numericDate(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        double seconds = node.asDouble();
        // Beyond year 9999 or before 1970: not a date any device means
        if (!(seconds >= 0 && seconds < 253_402_300_800d)) {
            return null;
        }
        return Instant.ofEpochSecond((long) seconds);
    }

    private boolean hasAudience(JsonNode aud) {
        if (aud == null) {
            return false;
        }
        if (aud.isTextual()) {
            return audience.equals(aud.asText());
        }
        if (aud.isArray()) {
            for (JsonNode entry : aud) {
                if (entry.isTextual() && audience.equals(entry.asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
