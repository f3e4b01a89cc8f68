package io.zerotrust.keycloak.events.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-ZT-Signature} header: {@code sha256=<hex HMAC-SHA256 of the request body>} under the shared secret.
 * Receivers recompute it over the raw body and compare in constant time ({@link #verify}).
 */
public final class WebhookSignature {

    public static final String HEADER = "X-ZT-Signature";
    public static final String TIMESTAMP_HEADER = "X-ZT-Timestamp";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    public WebhookSignature(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String sign(byte[] body) {
        try {
            // Mac instances are not thread-safe and cheap to create
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public boolean verify(byte[] body, String header) {
        return header != null && MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
                header.getBytes(StandardCharsets.US_ASCII));
    }
}
