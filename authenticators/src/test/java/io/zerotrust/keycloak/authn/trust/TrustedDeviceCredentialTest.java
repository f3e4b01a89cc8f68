package io.zerotrust.keycloak.authn.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;

import static org.assertj.core.api.Assertions.assertThat;

class TrustedDeviceCredentialTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void roundTripsThroughTheStoredCredentialWithoutKeepingTheDeviceId() {
        TrustedDeviceCredential trust = TrustedDeviceCredential.of("device-123", NOW, NOW.plus(Duration.ofDays(30)));
        CredentialModel model = trust.toModel("Firefox on Linux, Vienna (AT)");
        assertThat(model.getType()).isEqualTo("zt-trusted-device");
        assertThat(model.getSecretData()).doesNotContain("device-123");
        assertThat(model.getCredentialData()).doesNotContain("device-123");

        TrustedDeviceCredential read = TrustedDeviceCredential.from(model);
        assertThat(read).isEqualTo(trust);
        assertThat(read.isFor("device-123")).isTrue();
        assertThat(read.isFor("device-124")).isFalse();
        assertThat(read.isFor(null)).isFalse();
    }

    @Test
    void expiresAtItsEnd() {
        TrustedDeviceCredential trust = TrustedDeviceCredential.of("d", NOW, NOW.plusSeconds(60));
        assertThat(trust.expiredAt(NOW.plusSeconds(59))).isFalse();
        assertThat(trust.expiredAt(NOW.plusSeconds(60))).isTrue();
    }

    @Test
    void unreadableOrForeignCredentialsAreNotTrustedDevices() {
        CredentialModel otp = new CredentialModel();
        otp.setType("otp");
        otp.setSecretData("{\"value\":\"x\"}");
        otp.setCredentialData("{}");
        assertThat(TrustedDeviceCredential.from(otp)).isNull();

        CredentialModel broken = TrustedDeviceCredential.of("d", NOW, NOW.plusSeconds(1)).toModel("x");
        broken.setCredentialData("not json");
        assertThat(TrustedDeviceCredential.from(broken)).isNull();
        broken.setCredentialData("{\"trustedAt\":1}");
        assertThat(TrustedDeviceCredential.from(broken)).as("no expiry").isNull();
        assertThat(TrustedDeviceCredential.from(null)).isNull();
    }

    @Test
    void settingsFallBackToDefaultsAndSayWhy() {
        List<String> problems = new ArrayList<>();
        TrustSettings settings = TrustSettings.read(Map.of("trustDuration", "30 days", "maxTrustedDevices", "0"), problems::add);
        assertThat(settings.duration()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.maxDevices()).isEqualTo(5);
        assertThat(problems).hasSize(2).anySatisfy(p -> assertThat(p).contains("P30D"));

        assertThat(TrustSettings.read(Map.of("trustDuration", "pt12h"), p -> { }).period())
                .isEqualTo(new TrustSettings.TrustPeriod(TrustSettings.TrustPeriod.Unit.HOURS, 12));
        assertThat(TrustSettings.read(Map.of("trustDuration", "PT3S"), p -> { }).period())
                .isEqualTo(new TrustSettings.TrustPeriod(TrustSettings.TrustPeriod.Unit.MINUTES, 1));
        assertThat(TrustSettings.read(null, p -> { }).period())
                .isEqualTo(new TrustSettings.TrustPeriod(TrustSettings.TrustPeriod.Unit.DAYS, 30));
    }

    @Test
    void labelsNameBrowserSystemAndPlace() {
        assertThat(TrustedDeviceLabel.of("Firefox/135.0", "Linux", "Vienna", "AT")).isEqualTo("Trusted device: Firefox on Linux, Vienna (AT)");
        assertThat(TrustedDeviceLabel.of("Other", "Other", null, "AT")).isEqualTo("Trusted device: Unknown browser, AT");
        assertThat(TrustedDeviceLabel.of(null, "Mac OS X", null, null)).isEqualTo("Trusted device: Mac OS X");
    }
}
