package io.zerotrust.keycloak.risk.posture;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * The JWS algorithms a posture assertion may be signed with: asymmetric only. {@code none} and the HMAC family are
 * deliberately absent: with them anyone who knows the public key (or nobody at all) could sign.
 */
enum JwsAlgorithm {
    RS256("SHA256withRSA", 0),
    RS384("SHA384withRSA", 0),
    RS512("SHA512withRSA", 0),
    // JOSE carries ECDSA signatures as r||s (IEEE P1363), which the JDK verifies directly in this format
    ES256("SHA256withECDSAinP1363Format", 256),
    ES384("SHA384withECDSAinP1363Format", 384),
    ES512("SHA512withECDSAinP1363Format", 521);

    /** Shortest RSA modulus accepted for verification. */
    static final int MIN_RSA_BITS = 2048;

    private final String jcaName;
    private final int curveBits;

    JwsAlgorithm(String jcaName, int curveBits) {
        this.jcaName = jcaName;
        this.curveBits = curveBits;
    }

    String jcaName() {
        return jcaName;
    }

    /** The algorithm named in a JWS header, or null when it is not one of ours. */
    static JwsAlgorithm fromHeader(String alg) {
        for (JwsAlgorithm candidate : values()) {
            if (candidate.name().equals(alg)) {
                return candidate;
            }
        }
        return null;
    }

    /** Whether this key may verify this algorithm: RSA for RS*, EC on the matching curve for ES*. */
    boolean accepts(PublicKey key) {
        if (curveBits == 0) {
            return key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= MIN_RSA_BITS;
        }
        return key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == curveBits;
    }
}
