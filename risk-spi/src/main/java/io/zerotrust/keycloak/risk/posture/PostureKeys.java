package io.zerotrust.keycloak.risk.posture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.keycloak.crypto.KeyType;
import org.keycloak.jose.jwk.JSONWebKeySet;
import org.keycloak.jose.jwk.JWK;
import org.keycloak.jose.jwk.JWKParser;
import org.keycloak.util.JsonSerialization;

/**
 * Loads posture verification keys from a PEM text or a JWKS file. Runs once, when the server starts, never on the
 * login thread.
 */
public final class PostureKeys {

    /** A JWKS larger than this is not a key set. */
    static final long MAX_JWKS_BYTES = 1024 * 1024;

    private PostureKeys() {
    }

    /**
     * Reads one public key from PEM: a {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo, RSA or EC) or a
     * {@code CERTIFICATE}. Literal {@code \n} sequences count as line breaks, since a PEM passed on a command line
     * often arrives that way; the BEGIN and END lines may be left out.
     *
     * @throws IllegalArgumentException when it is not such a key
     */
    public static PostureKey fromPem(String pem) {
        String text = pem.replace("\\n", "\n").trim();
        boolean certificate = text.contains("-----BEGIN CERTIFICATE-----");
        String base64 = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not PEM: " + e.getMessage(), e);
        }
        try {
            if (certificate) {
                return new PostureKey(null, null, CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der)).getPublicKey());
            }
            return new PostureKey(null, null, decodePublicKey(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA or EC public key: " + e.getMessage(), e);
        }
    }

    private static PublicKey decodePublicKey(byte[] der) throws GeneralSecurityException {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePublic(spec);
        }
    }

    /**
     * Reads the signing keys of a JWKS file; keys for encryption ({@code use: enc}) and of other types are skipped.
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when it is not a JWKS or holds no usable key
     */
    public static List<PostureKey> fromJwksFile(Path path) throws IOException {
        if (Files.size(path) > MAX_JWKS_BYTES) {
            throw new IllegalArgumentException("larger than " + MAX_JWKS_BYTES + " bytes");
        }
        return fromJwks(Files.readAllBytes(path));
    }

    /** Reads the signing keys of a JWKS document; see {@link #fromJwksFile}. */
    public static List<PostureKey> fromJwks(byte[] json) {
        JSONWebKeySet set;
        try {
            set = JsonSerialization.readValue(json, JSONWebKeySet.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a JWKS: " + e.getMessage(), e);
        }
        List<PostureKey> keys = new ArrayList<>();
        if (set != null && set.getKeys() != null) {
            for (JWK jwk : set.getKeys()) {
                if (jwk == null || "enc".equals(jwk.getPublicKeyUse())) {
                    continue;
                }
                PublicKey key = toPublicKey(jwk);
                if (key != null) {
                    keys.add(new PostureKey(jwk.getKeyId(), jwk.getAlgorithm(), key));
                }
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no RSA or EC signing key in the JWKS");
        }
        return List.copyOf(keys);
    }

    private static PublicKey toPublicKey(JWK jwk) {
        try {
            if (KeyType.RSA.equals(jwk.getKeyType())) {
                // Keycloak's parser builds RSA keys with the JDK alone
                return JWKParser.create(jwk).toPublicKey();
            }
            if (KeyType.EC.equals(jwk.getKeyType())) {
                // Keycloak's parser needs its CryptoIntegration for EC; the JDK can do it without
                return ecPublicKey(jwk);
            }
        } catch (RuntimeException | GeneralSecurityException e) {
            throw new IllegalArgumentException("unreadable " + jwk.getKeyType() + " key " + jwk.getKeyId() + ": " + e.getMessage(), e);
        }
        return null;
    }

    private static PublicKey ecPublicKey(JWK jwk) throws GeneralSecurityException {
        Object crv = jwk.getOtherClaims().get("crv");
        Object x = jwk.getOtherClaims().get("x");
        Object y = jwk.getOtherClaims().get("y");
        if (!(crv instanceof String) || !(x instanceof String) || !(y instanceof String)) {
            throw new IllegalArgumentException("EC key needs crv, x and y");
        }
        String curve = switch ((String) crv) {
            case "P-256" -> "secp256r1";
            case "P-384" -> "secp384r1";
            case "P-521" -> "secp521r1";
            default -> throw new IllegalArgumentException("unsupported curve " + crv);
        };
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(curve));
        ECPoint point = new ECPoint(new BigInteger(1, Base64.getUrlDecoder().decode((String) x)),
                new BigInteger(1, Base64.getUrlDecoder().decode((String) y)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
    }
}
