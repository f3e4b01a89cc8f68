package io.zerotrust.keycloak.risk.device;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceCookieTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    private static final String KID = "kid-1";
    private static final Map<String, byte[]> KEYS = Map.of(KID, KEY);
    private static final Instant ISSUED = Instant.parse("2026-01-10T08:00:00Z");
    private static final Instant EXPIRY = ISSUED.plus(Duration.ofDays(365));
    private static final Instant NOW = ISSUED.plus(Duration.ofDays(3));
    private static final String ALICE = "5f1c2a9e-8d1b-4c39-9a0e-1d2f3a4b5c6d";
    private static final String BOB = "0b7e6a1c-2d3e-4f50-8a9b-c0d1e2f3a4b5";

    private final String deviceId = DeviceCookie.newDeviceId();
    private final String cookie = DeviceCookie.issue(ALICE, deviceId, ISSUED, EXPIRY, KID, KEY);

    @Test
    void validCookieRoundTrips() {
        DeviceCookie.Verification v = DeviceCookie.verify(cookie, ALICE, NOW, KEYS);

        assertThat(v.status()).isEqualTo(DeviceCookieStatus.VALID);
        assertThat(v.deviceId()).isEqualTo(deviceId);
        assertThat(v.userId()).isEqualTo(ALICE);
        assertThat(v.issuedAt()).isEqualTo(ISSUED);
        assertThat(v.expiry()).isEqualTo(EXPIRY);
        assertThat(v.toSignal(true)).isEqualTo(new DeviceSignal(DeviceCookieStatus.VALID, deviceId, true));
        assertThat(cookie).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void deviceIdsAreRandom128Bit() {
        assertThat(deviceId).hasSize(22).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(deviceId)).hasSize(16);
        assertThat(DeviceCookie.newDeviceId()).isNotEqualTo(deviceId);
    }

    @Test
    void nullOrEmptyIsAbsent() {
        assertThat(DeviceCookie.verify(null, ALICE, NOW, KEYS).status()).isEqualTo(DeviceCookieStatus.ABSENT);
        assertThat(DeviceCookie.verify("", ALICE, NOW, KEYS).status()).isEqualTo(DeviceCookieStatus.ABSENT);
    }

    @Test
    void tamperedPayloadIsForged() {
        String payload = new String(Base64.getUrlDecoder().decode(cookie.substring(0, cookie.indexOf('.'))), StandardCharsets.UTF_8);
        String longer = payload.replace("\n" + EXPIRY.getEpochSecond() + "\n", "\n" + EXPIRY.plus(Duration.ofDays(3650)).getEpochSecond() + "\n");
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(longer.getBytes(StandardCharsets.UTF_8))
                + cookie.substring(cookie.indexOf('.'));

        assertForged(tampered);
    }

    @Test
    void flippedMacCharacterIsForged() {
        char last = cookie.charAt(cookie.length() - 2);
        assertForged(cookie.substring(0, cookie.length() - 2) + (last == 'A' ? 'B' : 'A') + cookie.charAt(cookie.length() - 1));
    }

    @Test
    void truncatedIsForged() {
        assertForged(cookie.substring(0, cookie.length() - 4));
        assertForged(cookie.substring(0, cookie.indexOf('.')));
        assertForged(cookie.substring(0, cookie.indexOf('.') + 1));
        assertForged(cookie.substring(cookie.indexOf('.')));
    }

    @Test
    void malformedIsForged() {
        assertForged("not a cookie");
        assertForged("a.b.c");
        assertForged("!!!!.????");
        assertForged(".");
        assertForged("%00%ff");
    }

    @Test
    void hugeIsForgedWithoutWork() {
        assertForged("A".repeat(DeviceCookie.MAX_LENGTH + 1));
        assertForged(cookie + "A".repeat(10_000_000));
    }

    @Test
    void namedKeyThatDoesNotVerifyIsForged() {
        assertThat(DeviceCookie.verify(cookie, ALICE, NOW, Map.of(KID, OTHER_KEY)).status()).isEqualTo(DeviceCookieStatus.FORGED);
    }

    @Test
    void cookieNamesItsKey() {
        String payload = new String(Base64.getUrlDecoder().decode(cookie.substring(0, cookie.indexOf('.'))), StandardCharsets.UTF_8);

        assertThat(payload).startsWith("2\n" + KID + "\n");
    }

    @Test
    void keyRotatedOutOfTheRealmIsKeyUnknownNotForged() {
        // The realm's old key was deleted after a rotation: only the new one is left
        DeviceCookie.Verification v = DeviceCookie.verify(cookie, ALICE, NOW, Map.of("kid-2", OTHER_KEY));

        assertThat(v.status()).isEqualTo(DeviceCookieStatus.KEY_UNKNOWN);
        assertThat(v.deviceId()).isNull();
        assertThat(v.toSignal(true)).isEqualTo(new DeviceSignal(DeviceCookieStatus.KEY_UNKNOWN, null, false));
        assertThat(DeviceCookie.owner(cookie, Map.of("kid-2", OTHER_KEY))).isNull();
    }

    @Test
    void passiveKeyStillVerifies() {
        assertThat(DeviceCookie.verify(cookie, ALICE, NOW, Map.of("kid-2", OTHER_KEY, KID, KEY)).status())
                .isEqualTo(DeviceCookieStatus.VALID);
    }

    @Test
    void legacyCookieVerifiesWithAnyKeyAndIsKeyUnknownWhenNoneDoes() throws Exception {
        String legacy = legacyCookie(ALICE, deviceId, KEY);

        DeviceCookie.Verification v = DeviceCookie.verify(legacy, ALICE, NOW, Map.of("kid-2", OTHER_KEY, KID, KEY));
        assertThat(v.status()).isEqualTo(DeviceCookieStatus.VALID);
        assertThat(v.deviceId()).isEqualTo(deviceId);
        assertThat(DeviceCookie.verify(legacy, ALICE, NOW, Map.of("kid-2", OTHER_KEY)).status())
                .isEqualTo(DeviceCookieStatus.KEY_UNKNOWN);
    }

    @Test
    void someoneElsesCookieIsOtherUser() {
        DeviceCookie.Verification v = DeviceCookie.verify(cookie, BOB, NOW, KEYS);

        assertThat(v.status()).isEqualTo(DeviceCookieStatus.OTHER_USER);
        assertThat(v.deviceId()).isNull();
        assertThat(v.toSignal(true)).isEqualTo(new DeviceSignal(DeviceCookieStatus.OTHER_USER, null, false));
    }

    @Test
    void ownerIsTheUserAGenuineCookieWasIssuedTo() {
        assertThat(DeviceCookie.owner(cookie, KEYS)).isEqualTo(ALICE);
        assertThat(DeviceCookie.owner(cookie, Map.of(KID, OTHER_KEY))).isNull();
        assertThat(DeviceCookie.owner(cookie.substring(0, cookie.length() - 2), KEYS)).isNull();
        assertThat(DeviceCookie.owner(null, KEYS)).isNull();
        assertThat(DeviceCookie.owner("", KEYS)).isNull();
    }

    @Test
    void swappedUserInPayloadIsForged() {
        // An attacker rewrites the user id but cannot recompute the MAC
        String payload = new String(Base64.getUrlDecoder().decode(cookie.substring(0, cookie.indexOf('.'))), StandardCharsets.UTF_8);
        String swapped = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace(ALICE, BOB).getBytes(StandardCharsets.UTF_8))
                + cookie.substring(cookie.indexOf('.'));

        assertThat(DeviceCookie.verify(swapped, BOB, NOW, KEYS).status()).isEqualTo(DeviceCookieStatus.FORGED);
    }

    @Test
    void pastExpiryIsExpired() {
        DeviceCookie.Verification v = DeviceCookie.verify(cookie, ALICE, EXPIRY, KEYS);

        assertThat(v.status()).isEqualTo(DeviceCookieStatus.EXPIRED);
        assertThat(v.deviceId()).isEqualTo(deviceId);
        assertThat(v.toSignal(true)).isEqualTo(new DeviceSignal(DeviceCookieStatus.EXPIRED, null, false));
        assertThat(DeviceCookie.verify(cookie, ALICE, EXPIRY.minusSeconds(1), KEYS).status()).isEqualTo(DeviceCookieStatus.VALID);
    }

    @Test
    void userIdsWithSeparatorsSurvive() {
        String federated = "f:ldap-1:alice.smith\nsecond line.";
        String value = DeviceCookie.issue(federated, deviceId, ISSUED, EXPIRY, KID, KEY);

        assertThat(DeviceCookie.verify(value, federated, NOW, KEYS).status()).isEqualTo(DeviceCookieStatus.VALID);
        assertThat(DeviceCookie.verify(value, "f:ldap-1:alice.smith", NOW, KEYS).status()).isEqualTo(DeviceCookieStatus.OTHER_USER);
    }

    @Test
    void issueRejectsBadArguments() {
        assertThatThrownBy(() -> DeviceCookie.issue(ALICE, "short", ISSUED, EXPIRY, KID, KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceCookie.issue("", deviceId, ISSUED, EXPIRY, KID, KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceCookie.issue(ALICE, deviceId, EXPIRY, ISSUED, KID, KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceCookie.issue(ALICE, deviceId, ISSUED, EXPIRY, KID, new byte[8])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceCookie.issue(ALICE, deviceId, ISSUED, EXPIRY, "a\nb", KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceCookie.issue(ALICE, deviceId, ISSUED, EXPIRY, "", KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceCookie.issue("u".repeat(2000), deviceId, ISSUED, EXPIRY, KID, KEY)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A version 1 cookie, as the pack issued it before cookies named their key. */
    private static String legacyCookie(String userId, String deviceId, byte[] key) throws Exception {
        byte[] payload = String.join("\n", "1", Long.toString(ISSUED.getEpochSecond()), Long.toString(EXPIRY.getEpochSecond()),
                deviceId, userId).getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update(DeviceCookie.DOMAIN.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(payload) + "." + encoder.encodeToString(mac.doFinal(payload));
    }

    private static void assertForged(String value) {
        DeviceCookie.Verification v = DeviceCookie.verify(value, ALICE, NOW, KEYS);
        assertThat(v.status()).as(value.length() > 80 ? value.substring(0, 80) : value).isEqualTo(DeviceCookieStatus.FORGED);
        assertThat(v.deviceId()).isNull();
    }
}
