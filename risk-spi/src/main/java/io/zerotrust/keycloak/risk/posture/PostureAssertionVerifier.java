package io.zerotrust.keycloak.risk.posture;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
 * audience ({@code aud}, string or array, must contain the configured audience, by default the realm's issuer),
 * device binding (the device claim must name the device of the request's valid {@code ZT_DEVICE} cookie). Whether
 * it was seen before is not checked here (that needs the cluster's single-use store, see {@link PostureAssertions});
 * a valid verification carries the {@link PostureVerification#replayId() id} to check it by. Thread-safe; never
 * throws on a bad assertion.
 */
public final class PostureAssertionVerifier {

    /** Longest assertion looked at; a posture JWS is a few hundred bytes. */
    public static final int MAX_LENGTH = 16 * 1024;

    /** The claim naming the device when none is configured. */
    public static final String DEFAULT_DEVICE_CLAIM = "zt_device";

    private final List<PostureKey> keys;
    private final String audience;
    private final String deviceClaim;
    private final Duration maxAge;
    private final Duration clockSkew;

    /**
     * @param keys        keys that may have signed, at least one
     * @param audience    required {@code aud} value, or null for the realm's issuer
     * @param deviceClaim claim that must name the device of the request's device cookie, or null for
     *                    {@value #DEFAULT_DEVICE_CLAIM}
     * @param maxAge      oldest acceptable {@code iat}
     * @param clockSkew   tolerance for clocks of device and server disagreeing
     */
    public PostureAssertionVerifier(List<PostureKey> keys, String audience, String deviceClaim, Duration maxAge, Duration clockSkew) {
        this.keys = List.copyOf(keys);
        if (this.keys.isEmpty()) {
            throw new IllegalArgumentException("at least one key is needed");
        }
        this.audience = audience == null || audience.isBlank() ? null : audience;
        this.deviceClaim = deviceClaim == null || deviceClaim.isBlank() ? DEFAULT_DEVICE_CLAIM : deviceClaim;
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
    }

    /** The claim that must name the device. */
    public String deviceClaim() {
        return deviceClaim;
    }

    /** How long a seen assertion must be remembered: no assertion is fresh for longer than this after it was first seen. */
    public Duration replayWindow() {
        // iat may lie up to one skew in the future and is accepted until maxAge plus one skew after it
        return maxAge.plus(clockSkew).plus(clockSkew);
    }

    /**
     * @param compact     the assertion as received
     * @param now         the time of the request
     * @param realmIssuer the realm's issuer URL, the audience when none is configured; null accepts any audience
     *                    when none is configured (only for tests without a request)
     * @param deviceId    the device id of the request's valid device cookie for the user signing in, or null
     */
    public PostureVerification verify(String compact, Instant now, String realmIssuer, String deviceId) {
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
        String expectedAudience = audience != null ? audience : realmIssuer;
        if (expectedAudience != null && !hasAudience(claims.get("aud"), expectedAudience)) {
            return PostureVerification.failed(PostureVerification.Outcome.WRONG_AUDIENCE, "not issued for audience " + expectedAudience);
        }
        PostureVerification binding = checkBinding(claims, deviceId);
        if (binding != null) {
            return binding;
        }
        return new PostureVerification(PostureVerification.Outcome.VALID, "verified", claims, replayId(claims, jws));
    }

    /** Null when the device claim names the request's device; else why the assertion is not bound to it. */
    private PostureVerification checkBinding(JsonNode claims, String deviceId) {
        JsonNode value = claims.get(deviceClaim);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            return PostureVerification.failed(PostureVerification.Outcome.UNBOUND, "names no device in claim " + deviceClaim);
        }
        if (deviceId == null) {
            return PostureVerification.failed(PostureVerification.Outcome.UNBOUND,
                    "the browser sent no valid device cookie of this user to bind it to");
        }
        // Constant time: the device id is a bearer secret of the browser
        if (!MessageDigest.isEqual(value.asText().getBytes(StandardCharsets.UTF_8), deviceId.getBytes(StandardCharsets.UTF_8))) {
            return PostureVerification.failed(PostureVerification.Outcome.UNBOUND,
                    "claim " + deviceClaim + " names another device than the browser's device cookie");
        }
        return null;
    }

    /**
     * The {@code jti} when there is one, else the signed bytes: not the signature, since an ECDSA signature can be
     * rewritten into a second valid one for the same bytes. Hashed, so the id is short whatever the claim's length.
     */
    private static String replayId(JsonNode claims, JWSInput jws) {
        JsonNode jti = claims.get("jti");
        String basis = jti != null && jti.isTextual() && !jti.asText().isEmpty()
                ? "jti:" + jti.asText() : "jws:" + jws.getEncodedSignatureInput();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
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

    private static boolean hasAudience(JsonNode aud, String audience) {
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
