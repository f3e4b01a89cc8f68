package io.zerotrust.keycloak.risk.posture;

import java.security.PublicKey;
import java.util.Objects;

/**
 * A public key posture assertions may be signed with.
 *
 * @param keyId     the JWK {@code kid}, or null (a PEM key, or a JWK without one)
 * @param algorithm the JWK {@code alg} the key is restricted to, or null for any algorithm its type allows
 * @param key       the key
 */
public record PostureKey(String keyId, String algorithm, PublicKey key) {

    public PostureKey {
        Objects.requireNonNull(key, "key");
    }
}
