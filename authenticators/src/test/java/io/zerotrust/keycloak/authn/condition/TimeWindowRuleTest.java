package io.zerotrust.keycloak.authn.condition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeWindowRuleTest {

    private final List<String> warnings = new ArrayList<>();

    // 2026-03-02 is a Monday
    private static final Instant MONDAY_NOON_UTC = Instant.parse("2026-03-02T12:00:00Z");
    private static final Instant SATURDAY_NOON_UTC = Instant.parse("2026-03-07T12:00:00Z");

    @Test
    void insideAnyWindow() {
        TimeWindowRule rule = TimeWindowRule.read(List.of("Mon-Fri 07:00-19:00 Europe/Berlin", "Sat 09:00-10:00 UTC"), warnings::add);
        assertThat(rule.matches(MONDAY_NOON_UTC)).isTrue();
        assertThat(rule.matches(SATURDAY_NOON_UTC)).isFalse();
        assertThat(warnings).isEmpty();
    }

    @Test
    void oneEntryMayHoldSeveralWindows() {
        TimeWindowRule rule = TimeWindowRule.read(List.of("Mon 00:00-01:00 UTC; Sat 11:00-13:00 UTC"), warnings::add);
        assertThat(rule.windows()).hasSize(2);
        assertThat(rule.matches(SATURDAY_NOON_UTC)).isTrue();
    }

    @Test
    void windowsAreReadInTheirZone() {
        // 12:00 UTC is 21:00 in Tokyo
        TimeWindowRule rule = TimeWindowRule.read(List.of("Mon 09:00-18:00 Asia/Tokyo"), warnings::add);
        assertThat(rule.matches(MONDAY_NOON_UTC)).isFalse();
    }

    @Test
    void noWindowsMeansOutside() {
        assertThat(TimeWindowRule.read(List.of(), warnings::add).matches(MONDAY_NOON_UTC)).isFalse();
    }

    @Test
    void badWindowsAreIgnoredWithAWarningAndTheRestCount() {
        TimeWindowRule rule = TimeWindowRule.read(List.of("Mon-Fri 07:00-19:00", "Mon 11:00-13:00 UTC"), warnings::add);
        assertThat(rule.windows()).hasSize(1);
        assertThat(rule.matches(MONDAY_NOON_UTC)).isTrue();
        assertThat(warnings).singleElement().asString().contains("Mon-Fri 07:00-19:00");
    }
}
