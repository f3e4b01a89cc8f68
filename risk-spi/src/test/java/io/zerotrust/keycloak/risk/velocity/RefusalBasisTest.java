package io.zerotrust.keycloak.risk.velocity;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalBasisTest {

    @Test
    void evidenceAboutTheSourceIsNeverHeldAgainstTheUser() {
        // a NAT someone sprays from: the victim's own correct password is refused, but says nothing about who typed it
        assertThat(RefusalBasis.of("PASSWORD_SPRAY_IP,DEVICE_UNKNOWN", false, false)).isEqualTo(RefusalBasis.SOURCE);
        assertThat(RefusalBasis.of("IMPOSSIBLE_TRAVEL, CREDENTIAL_STUFFING_NETWORK", false, false)).isEqualTo(RefusalBasis.SOURCE);
        assertThat(RefusalBasis.of("CREDENTIAL_STUFFING_IP", true, true)).isEqualTo(RefusalBasis.SOURCE);
    }

    @Test
    void aMediumRefusalForWantOfAFactorIsEnrolmentAndAHighOneIsRisk() {
        assertThat(RefusalBasis.of("GEO_NEW_COUNTRY", true, true)).isEqualTo(RefusalBasis.ENROLMENT);
        assertThat(RefusalBasis.of("IMPOSSIBLE_TRAVEL", true, false)).isEqualTo(RefusalBasis.RISK);
        assertThat(RefusalBasis.of("IMPOSSIBLE_TRAVEL", false, false)).isEqualTo(RefusalBasis.RISK);
        assertThat(RefusalBasis.of(null, false, false)).isEqualTo(RefusalBasis.RISK);
    }

    @Test
    void onlyARiskRefusalOfAVerifiedPasswordIsEvidenceOfALeak() {
        assertThat(RefusalBasis.isLeakEvidence(Map.of("zt_password_verified", "true", "zt_refusal_basis", "risk"))).isTrue();
        assertThat(RefusalBasis.isLeakEvidence(Map.of("zt_password_verified", "true"))).as("before the basis existed").isTrue();
        assertThat(RefusalBasis.isLeakEvidence(Map.of("zt_password_verified", "true", "zt_refusal_basis", "source"))).isFalse();
        assertThat(RefusalBasis.isLeakEvidence(Map.of("zt_password_verified", "true", "zt_refusal_basis", "enrolment"))).isFalse();
        assertThat(RefusalBasis.isLeakEvidence(Map.of("zt_refusal_basis", "risk"))).isFalse();
        assertThat(RefusalBasis.isLeakEvidence(null)).isFalse();
    }
}
