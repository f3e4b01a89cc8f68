package io.zerotrust.keycloak.risk.posture;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@link PostureAssertionVerifier} found.
 *
 * @param outcome the verdict
 * @param detail  why, in English, for the reason message and logs (never the assertion itself)
 * @param claims   the verified claims when {@code outcome} is {@link Outcome#VALID}, else null
 * @param replayId what identifies the assertion for the replay check ({@code jti}, else the signed bytes; hashed)
 *                 when {@code outcome} is {@link Outcome#VALID} or {@link Outcome#REPLAYED}, else null
 */
public record PostureVerification(Outcome outcome, String detail, JsonNode claims, String replayId) {

    /** The verdicts, in the order they are checked. */
    public enum Outcome {
        /** Not a compact JWS, an unknown algorithm, or claims that are not a JSON object with {@code iat}. */
        MALFORMED,
        /** Unsigned ({@code alg: none}), HMAC-signed, or no configured key verifies the signature. */
        BAD_SIGNATURE,
        /** Signed, but older than the allowed age, past its {@code exp}, or issued in the future. */
        STALE,
        /** Signed and fresh, but not for the configured audience. */
        WRONG_AUDIENCE,
        /**
         * Signed, fresh and for us, but not naming the device of the request's valid device cookie (no cookie, no
         * device claim, or another device): it may be true of some device, just not of this browser.
         */
        UNBOUND,
        /** Valid, but seen before within its replay window: a second use of a single-use assertion. */
        REPLAYED,
        /** Valid, but whether it was seen before could not be checked (the single-use store failed). */
        UNCHECKED,
        /** Signed, fresh, for us, bound to this device and not seen before: the claims can be believed. */
        VALID
    }

    public PostureVerification {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    static PostureVerification failed(Outcome outcome, String detail) {
        return new PostureVerification(outcome, detail, null, null);
    }

    /** This valid verification, found to be a second use or not checkable ({@code REPLAYED} or {@code UNCHECKED}). */
    PostureVerification downgraded(Outcome outcome, String detail) {
        return new PostureVerification(outcome, detail, null, replayId);
    }
}
