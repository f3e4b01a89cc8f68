package io.zerotrust.keycloak.risk.device;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed, per-user device cookie {@value #NAME}: it lets a later sign-in recognise the browser a user signed in
 * with before, without any server-side lookup to prove it was us who issued it.
 *
 * <p>Wire format: {@code base64url(payload) "." base64url(HMAC-SHA256(key, DOMAIN + payload))}, unpadded, where the
 * payload is the UTF-8 text {@code "2" "\n" keyId "\n" issuedAt "\n" expiry "\n" deviceId "\n" userId} (times in
 * epoch seconds). The user id comes last so that it may contain any character. Only base64url characters and one dot
 * appear, so the value needs no cookie quoting.
 *
 * <p>The cookie names the realm key that MACed it ({@code keyId}, the key's {@code kid}), so a cookie whose key was
 * rotated out, deleted or disabled is told apart from a forgery: it is {@link DeviceCookieStatus#KEY_UNKNOWN}, an
 * unknown device, while a cookie naming a key the realm has whose MAC does not verify stays
 * {@link DeviceCookieStatus#FORGED}. Naming a made-up key gains a forger nothing: it is what sending no cookie gives.
 * Version 1 cookies (no key id, {@code "1" "\n" issuedAt "\n" expiry "\n" deviceId "\n" userId}) are still
 * verified against every key; one that none verifies is {@code KEY_UNKNOWN} too, since a key deleted since it was
 * issued cannot be told from a forgery.
 *
 * <p>The MAC covers a fixed {@link #DOMAIN} prefix: the key is the realm's HMAC key, which Keycloak also uses for its
 * own tokens, and the prefix (which holds a newline, never present in a JWS signing input) keeps a MAC of ours from
 * ever being valid for one of them and vice versa.
 *
 * <p>Pure and thread-safe; {@link #verify} never throws on a bad cookie value.
 */
public final class DeviceCookie {

    /** Name of the cookie. */
    public static final String NAME = "ZT_DEVICE";

    /** Longest cookie value {@link #verify} looks at; longer values are {@link DeviceCookieStatus#FORGED}. */
    public static final int MAX_LENGTH = 1024;

    /** Shortest accepted key: HMAC-SHA256 keys shorter than 128 bits are too weak. */
    public static final int MIN_KEY_BYTES = 16;

    static final String VERSION = "2";
    static final String LEGACY_VERSION = "1";
    /** Longest key id a cookie may name; Keycloak's are UUIDs. */
    static final int MAX_KEY_ID_LENGTH = 128;
    static final String DOMAIN = "zt-device-cookie\n";

    private static final String HMAC = "HmacSHA256";
    private static final int MAC_BYTES = 32;
    private static final int DEVICE_ID_BYTES = 16;
    /** 16 random bytes, base64url without padding. */
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private DeviceCookie() {
    }

    /** A fresh random 128-bit device id, base64url without padding (22 characters). */
    public static String newDeviceId() {
        byte[] bytes = new byte[DEVICE_ID_BYTES];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /**
     * Signs a device cookie value.
     *
     * @param userId   the user the device belongs to (Keycloak user id)
     * @param deviceId a device id from {@link #newDeviceId()}
     * @param issuedAt when it is issued
     * @param expiry   when it stops being valid (after {@code issuedAt})
     * @param keyId    the {@code kid} of the key, named in the cookie
     * @param key      the HMAC key, at least {@value #MIN_KEY_BYTES} bytes
     * @return the cookie value
     * @throws IllegalArgumentException on a malformed device id, an empty user id, an empty or multi-line key id, a
     *                                  short key, expiry not after issuedAt, or a value that would exceed
     *                                  {@link #MAX_LENGTH}
     */
    public static String issue(String userId, String deviceId, Instant issuedAt, Instant expiry, String keyId, byte[] key) {
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiry, "expiry");
        if (userId == null || userId.isEmpty()) {
            throw new IllegalArgumentException("userId must not be empty");
        }
        if (deviceId == null || !DEVICE_ID.matcher(deviceId).matches()) {
            throw new IllegalArgumentException("deviceId must be 22 base64url characters (128 bits)");
        }
        if (!expiry.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiry must be after issuedAt");
        }
        if (!isKeyId(keyId)) {
            throw new IllegalArgumentException("keyId must be 1 to " + MAX_KEY_ID_LENGTH + " characters without a line break");
        }
        checkKey(key);
        String payload = String.join("\n", VERSION, keyId, Long.toString(issuedAt.getEpochSecond()),
                Long.toString(expiry.getEpochSecond()), deviceId, userId);
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        String value = ENCODER.encodeToString(payloadBytes) + "." + ENCODER.encodeToString(mac(key, payloadBytes));
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("cookie would exceed " + MAX_LENGTH + " characters; userId too long");
        }
        return value;
    }

    /**
     * Checks a device cookie value. Never throws on a bad value: anything malformed, oversized or not signed with the
     * key it names is {@link DeviceCookieStatus#FORGED}; one naming a key not in {@code keys} (or a version 1 cookie
     * no key verifies) is {@link DeviceCookieStatus#KEY_UNKNOWN}; null or empty is {@link DeviceCookieStatus#ABSENT}.
     *
     * @param value          the cookie value as received, may be null
     * @param expectedUserId the user being authenticated
     * @param now            the time of the request
     * @param keys           the realm's usable HMAC keys by {@code kid}, each at least {@value #MIN_KEY_BYTES} bytes
     */
    public static Verification verify(String value, String expectedUserId, Instant now, Map<String, byte[]> keys) {
        Objects.requireNonNull(now, "now");
        keys.values().forEach(DeviceCookie::checkKey);
        if (value == null || value.isEmpty()) {
            return Verification.of(DeviceCookieStatus.ABSENT);
        }
        Signed signed = signedPayload(value, keys);
        return switch (signed.status()) {
            case VALID -> readPayload(signed.fields(), expectedUserId, now);
            case KEY_UNKNOWN -> Verification.of(DeviceCookieStatus.KEY_UNKNOWN);
            default -> Verification.of(DeviceCookieStatus.FORGED);
        };
    }

    /**
     * The user a genuine cookie was issued to, whoever is signing in: lets the caller tell a cookie of another
     * account from one of an account that no longer exists. Null when the value is absent or not genuine.
     *
     * @param value the cookie value as received, may be null
     * @param keys  the realm's usable HMAC keys by {@code kid}
     */
    public static String owner(String value, Map<String, byte[]> keys) {
        keys.values().forEach(DeviceCookie::checkKey);
        if (value == null || value.isEmpty()) {
            return null;
        }
        Signed signed = signedPayload(value, keys);
        return signed.status() == DeviceCookieStatus.VALID ? signed.fields().userId() : null;
    }

    /** The payload fields, whatever the version, once the MAC verified. */
    private record Fields(String issuedAt, String expiry, String deviceId, String userId) {
    }

    /** {@code VALID} with the fields, {@code KEY_UNKNOWN} or {@code FORGED}. */
    private record Signed(DeviceCookieStatus status, Fields fields) {
        static final Signed FORGED = new Signed(DeviceCookieStatus.FORGED, null);
        static final Signed KEY_UNKNOWN = new Signed(DeviceCookieStatus.KEY_UNKNOWN, null);
    }

    private static Signed signedPayload(String value, Map<String, byte[]> keys) {
        if (value.length() > MAX_LENGTH) {
            return Signed.FORGED;
        }
        int dot = value.indexOf('.');
        if (dot <= 0 || dot != value.lastIndexOf('.')) {
            return Signed.FORGED;
        }
        byte[] payloadBytes;
        byte[] presentedMac;
        try {
            payloadBytes = DECODER.decode(value.substring(0, dot));
            presentedMac = DECODER.decode(value.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Signed.FORGED;
        }
        if (presentedMac.length != MAC_BYTES) {
            return Signed.FORGED;
        }
        // Not yet authenticated: only used to pick the key, then checked again as part of the MACed bytes
        String payload = new String(payloadBytes, StandardCharsets.UTF_8);
        if (payload.startsWith(VERSION + "\n")) {
            String[] parts = payload.split("\n", 6);
            if (parts.length != 6 || !isKeyId(parts[1])) {
                return Signed.FORGED;
            }
            byte[] key = keys.get(parts[1]);
            if (key == null) {
                return Signed.KEY_UNKNOWN;
            }
            return macMatches(key, payloadBytes, presentedMac)
                    ? new Signed(DeviceCookieStatus.VALID, new Fields(parts[2], parts[3], parts[4], parts[5]))
                    : Signed.FORGED;
        }
        if (payload.startsWith(LEGACY_VERSION + "\n")) {
            String[] parts = payload.split("\n", 5);
            if (parts.length != 5) {
                return Signed.FORGED;
            }
            for (byte[] key : keys.values()) {
                if (macMatches(key, payloadBytes, presentedMac)) {
                    return new Signed(DeviceCookieStatus.VALID, new Fields(parts[1], parts[2], parts[3], parts[4]));
                }
            }
            return Signed.KEY_UNKNOWN;
        }
        return Signed.FORGED;
    }

    private static boolean macMatches(byte[] key, byte[] payloadBytes, byte[] presentedMac) {
        // Constant time, so the time taken leaks nothing about how much of a guessed MAC was right
        return MessageDigest.isEqual(mac(key, payloadBytes), presentedMac);
    }

    private static boolean isKeyId(String keyId) {
        return keyId != null && !keyId.isEmpty() && keyId.length() <= MAX_KEY_ID_LENGTH && keyId.indexOf('\n') < 0;
    }

    private static Verification readPayload(Fields fields, String expectedUserId, Instant now) {
        // Signed by us, so well-formed unless a future version wrote it: still treat anything odd as forged
        if (!DEVICE_ID.matcher(fields.deviceId()).matches()) {
            return Verification.of(DeviceCookieStatus.FORGED);
        }
        Instant issuedAt;
        Instant expiry;
        try {
            issuedAt = Instant.ofEpochSecond(Long.parseLong(fields.issuedAt()));
            expiry = Instant.ofEpochSecond(Long.parseLong(fields.expiry()));
        } catch (RuntimeException e) {
            return Verification.of(DeviceCookieStatus.FORGED);
        }
        String deviceId = fields.deviceId();
        String userId = fields.userId();
        if (!userId.equals(expectedUserId)) {
            // A real cookie of someone else: keep the ids out, they prove nothing about this user
            return new Verification(DeviceCookieStatus.OTHER_USER, null, null, issuedAt, expiry);
        }
        if (!now.isBefore(expiry)) {
            return new Verification(DeviceCookieStatus.EXPIRED, deviceId, userId, issuedAt, expiry);
        }
        return new Verification(DeviceCookieStatus.VALID, deviceId, userId, issuedAt, expiry);
    }

    private static void checkKey(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("key must have at least " + MIN_KEY_BYTES + " bytes");
        }
    }

    private static byte[] mac(byte[] key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            mac.update(DOMAIN.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every JRE
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * What {@link #verify} found.
     *
     * @param status   the verdict
     * @param deviceId the device id when the cookie is this user's ({@code VALID} or {@code EXPIRED}), else null
     * @param userId   the user id when the cookie is this user's, else null
     * @param issuedAt when it was issued, null unless the signature verified
     * @param expiry   when it expires, null unless the signature verified
     */
    public record Verification(DeviceCookieStatus status, String deviceId, String userId, Instant issuedAt,
                               Instant expiry) {

        public Verification {
            Objects.requireNonNull(status, "status");
        }

        /** No cookie at all. */
        public static Verification absent() {
            return of(DeviceCookieStatus.ABSENT);
        }

        static Verification of(DeviceCookieStatus status) {
            return new Verification(status, null, null, null, null);
        }

        /** True when the cookie proves this browser is the user's device. */
        public boolean valid() {
            return status == DeviceCookieStatus.VALID;
        }

        /**
         * The signal evaluators read.
         *
         * @param trusted whether the user trusts this device; honoured only for a {@code VALID} cookie
         */
        public DeviceSignal toSignal(boolean trusted) {
            return valid() ? new DeviceSignal(status, deviceId, trusted) : new DeviceSignal(status, null, false);
        }
    }
}
