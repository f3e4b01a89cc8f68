package io.zerotrust.keycloak.risk.posture;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@link PostureAssertionVerifier} found.
 *
 * @param outcome the verdict
 * @param detail  why, in English, for the reason message and logs (never the assertion itself)
 * @param claims  the verified claims when {@code outcome} is {@link Outcome#VALID}, else null
 */
public record PostureVerification(Outcome outcome, String detail, JsonNode claims) {

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
        /** Signed, fresh and for us: the claims can be believed. */
        VALID
    }

    public PostureVerification {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    static PostureVerification failed(Outcome outcome, String detail) {
        return new PostureVerification(outcome, detail, null);
    }
}
