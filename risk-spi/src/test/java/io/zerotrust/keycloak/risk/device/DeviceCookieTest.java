package io.zerotrust.keycloak.risk.device;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceCookieTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    private static final Instant ISSUED = Instant.parse("2026-01-10T08:00:00Z");
    private static final Instant EXPIRY = ISSUED.plus(Duration.ofDays(365));
    private static final Instant NOW = ISSUED.plus(Duration.ofDays(3));
    private static final String ALICE = "5f1c2a9e-8d1b-4c39-9a0e-1d2f3a4b5c6d";
    private static final String BOB = "0b7e6a1c-2d3e-4f50-8a9b-c0d1e2f3a4b5";

    private final String deviceId = DeviceCookie.newDeviceId();
    private final String cookie = DeviceCookie.issue(ALICE, deviceId, ISSUED, EXPIRY, KEY);

    @Test
    void validCookieRoundTrips() {
        DeviceCookie.Verification v = DeviceCookie.verify(cookie, ALICE, NOW, KEY);

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
        assertThat(DeviceCookie.verify(null, ALICE, NOW, KEY).status()).isEqualTo(DeviceCookieStatus.ABSENT);
        assertThat(DeviceCookie.verify("", ALICE, NOW, KEY).status()).isEqualTo(DeviceCookieStatus.ABSENT);
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
    void wrongKeyIsForged() {
        assertThat(DeviceCookie.verify(cookie, ALICE, NOW, OTHER_KEY).status()).isEqualTo(DeviceCookieStatus.FORGED);
    }

    @Test
    void someoneElsesCookieIsOtherUser() {
        DeviceCookie.Verification v = DeviceCookie.verify(cookie, BOB, NOW, KEY);

        assertThat(v.status()).isEqualTo(DeviceCookieStatus.OTHER_USER);
        assertThat(v.deviceId()).isNull();
        assertThat(v.toSignal(true)).isEqualTo(new DeviceSignal(DeviceCookieStatus.OTHER_USER, null, false));
    }

    @Test
    void ownerIsTheUserAGenuineCookieWasIssuedTo() {
        assertThat(DeviceCookie.owner(cookie, KEY)).isEqualTo(ALICE);
        assertThat(DeviceCookie.owner(cookie, OTHER_KEY)).isNull();
        assertThat(DeviceCookie.owner(cookie.substring(0, cookie.length() - 2), KEY)).isNull();
        assertThat(DeviceCookie.owner(null, KEY)).isNull();
        assertThat(DeviceCookie.owner("", KEY)).isNull();
    }

    @Test
    void swappedUserInPayloadIsForged() {
        // An attacker rewrites the user id but cannot recompute the MAC
        String payload = new String(Base64.getUrlDecoder().decode(cookie.substring(0, cookie.indexOf('.'))), StandardCharsets.UTF_8);
        String swapped = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace(ALICE, BOB).getBytes(StandardCharsets.UTF_8))
                + cookie.substring(cookie.indexOf('.'));

        assertThat(DeviceCookie.verify(swapped, BOB, NOW, KEY).status()).isEqualTo(DeviceCookieStatus.FORGED);
    }

    @Test
    void pastExpiryIsExpired() {
        DeviceCookie.Verification v = DeviceCookie.verify(cookie, ALICE, EXPIRY, KEY);

        assertThat(v.status()).isEqualTo(DeviceCookieStatus.EXPIRED);
        assertThat(v.deviceId()).isEqualTo(deviceId);
        assertThat(v.toSignal(true)).isEqualTo(new DeviceSignal(DeviceCookieStatus.EXPIRED, null, false));
        assertThat(DeviceCookie.verify(cookie, ALICE, EXPIRY.minusSeconds(1), KEY).status()).isEqualTo(DeviceCookieStatus.VALID);
    }

    @Test
    void userIdsWithSeparatorsSurvive() {
        String federated = "f:ldap-1:alice.smith\nsecond line.";
        String value = DeviceCookie.issue(federated, deviceId, ISSUED, EXPIRY, KEY);

        assertThat(DeviceCookie.verify(value, federated, NOW, KEY).status()).isEqualTo(DeviceCookieStatus.VALID);
        assertThat(DeviceCookie.verify(value, "f:ldap-1:alice.smith", NOW, KEY).status()).isEqualTo(DeviceCookieStatus.OTHER_USER);
    }

    @Test
    void issueRejectsBadArguments() {
        assertThatThrownBy(() -> DeviceCookie.issue(ALICE, "short", ISSUED, EXPIRY, KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceCookie.issue("", deviceId, ISSUED, EXPIRY, KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceCookie.issue(ALICE, deviceId, EXPIRY, ISSUED, KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceCookie.issue(ALICE, deviceId, ISSUED, EXPIRY, new byte[8])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceCookie.issue("u".repeat(2000), deviceId, ISSUED, EXPIRY, KEY)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertForged(String value) {
        DeviceCookie.Verification v = DeviceCookie.verify(value, ALICE, NOW, KEY);
        assertThat(v.status()).as(value.length() > 80 ? value.substring(0, 80) : value).isEqualTo(DeviceCookieStatus.FORGED);
        assertThat(v.deviceId()).isNull();
    }
}
