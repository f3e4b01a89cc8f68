package io.zerotrust.keycloak.risk.learning;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LearnedDeviceTest {

    @Test
    void browserSignInTeachesTheAssessedDevice() {
        assertThat(LearnedDevice.choose(null, "new-device", false)).isEqualTo("new-device");
        assertThat(LearnedDevice.choose("device-a", "device-a", false)).isEqualTo("device-a");
    }

    @Test
    void brokeredSignInWithoutDeviceDetailTeachesThePresentedCookie() {
        assertThat(LearnedDevice.choose("device-a", null, false)).isEqualTo("device-a");
    }

    @Test
    void directGrantTeachesADeviceOnlyWhenTheClientKeptItsCookie() {
        assertThat(LearnedDevice.choose(null, "minted-for-this-request", true)).isNull();
        assertThat(LearnedDevice.choose("device-a", "device-a", true)).isEqualTo("device-a");
    }

    @Test
    void nothingKnownTeachesNothing() {
        assertThat(LearnedDevice.choose(null, null, false)).isNull();
    }
}
