package io.zerotrust.keycloak.risk.posture;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds compact JWS for tests with nothing but java.security, independently of the code under test. */
final class TestJws {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private TestJws() {
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(String alg, String kid) {
        return kid == null ? "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}" : "{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\"}";
    }

    static String rs256(PrivateKey key, String headerJson, String claimsJson) {
        String input = signingInput(headerJson, claimsJson);
        return input + "." + B64.encodeToString(sign("SHA256withRSA", key, input));
    }

    /** ES256: the JDK signs in DER; JOSE wants the raw r||s, 32 bytes each. */
    static String es256(PrivateKey key, String headerJson, String claimsJson) {
        String input = signingInput(headerJson, claimsJson);
        return input + "." + B64.encodeToString(derToJose(sign("SHA256withECDSA", key, input), 32));
    }

    static String hs256(byte[] secret, String claimsJson) {
        String input = signingInput(header("HS256", null), claimsJson);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unsigned(String claimsJson) {
        return signingInput(header("none", null), claimsJson) + ".";
    }

    static String signingInput(String headerJson, String claimsJson) {
        return b64(headerJson) + "." + b64(claimsJson);
    }

    static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    static String jwk(PublicKey key, String kid) {
        if (key instanceof RSAPublicKey rsa) {
            return "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"use\":\"sig\",\"n\":\"" + unsigned(rsa.getModulus(), 0)
                    + "\",\"e\":\"" + unsigned(rsa.getPublicExponent(), 0) + "\"}";
        }
        ECPublicKey ec = (ECPublicKey) key;
        return "{\"kty\":\"EC\",\"kid\":\"" + kid + "\",\"crv\":\"P-256\",\"x\":\"" + unsigned(ec.getW().getAffineX(), 32)
                + "\",\"y\":\"" + unsigned(ec.getW().getAffineY(), 32) + "\"}";
    }

    private static String unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (bytes.length < length) {
            byte[] padded = new byte[length];
            System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
            bytes = padded;
        }
        return B64.encodeToString(bytes);
    }

    private static byte[] sign(String algorithm, PrivateKey key, String input) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** DER SEQUENCE { INTEGER r, INTEGER s } to r||s, each left-padded to {@code size} bytes. */
    static byte[] derToJose(byte[] der, int size) {
        int offset = 2;
        if ((der[1] & 0x80) != 0) {
            offset += der[1] & 0x7f;
        }
        byte[] jose = new byte[2 * size];
        for (int part = 0; part < 2; part++) {
            if (der[offset] != 0x02) {
                throw new IllegalArgumentException("not a DER INTEGER");
            }
            int length = der[offset + 1];
            int start = offset + 2;
            int end = start + length;
            while (length > size && der[start] == 0) {
                start++;
                length--;
            }
            System.arraycopy(der, start, jose, part * size + size - length, length);
            offset = end;
        }
        return jose;
    }
}
