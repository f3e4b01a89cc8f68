package io.zerotrust.keycloak.authn.condition;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DevicePostureRuleTest {

    @Test
    void defaultsCoverUnverifiedAndOutdatedDevices() {
        DevicePostureRule rule = DevicePostureRule.of(List.of());
        assertThat(rule.codes()).containsExactlyInAnyOrderElementsOf(DevicePostureRule.DEFAULT_CODES);
        assertThat(rule.matches("GEO_NEW_COUNTRY,POSTURE_MISSING")).isTrue();
        assertThat(rule.matches("OS_OUTDATED")).isTrue();
        assertThat(rule.matches("GEO_NEW_COUNTRY,POSTURE_COMPLIANT,DEVICE_KNOWN")).isFalse();
        assertThat(rule.matches("")).isFalse();
    }

    @Test
    void configuredCodesReplaceTheDefaults() {
        DevicePostureRule rule = DevicePostureRule.of(List.of("DEVICE_UNKNOWN", " "));
        assertThat(rule.matches("DEVICE_UNKNOWN")).isTrue();
        assertThat(rule.matches("POSTURE_MISSING")).isFalse();
    }

    @Test
    void codesMatchWholeEntriesOnly() {
        DevicePostureRule rule = DevicePostureRule.of(List.of("POSTURE_STALE"));
        assertThat(rule.matches("POSTURE_STALE_UNAVAILABLE")).isFalse();
        assertThat(rule.matches("A, POSTURE_STALE")).isTrue();
    }

    @Test
    void noAssessmentCountsAsAProblem() {
        assertThat(DevicePostureRule.of(List.of()).matches(null)).isTrue();
    }
}
