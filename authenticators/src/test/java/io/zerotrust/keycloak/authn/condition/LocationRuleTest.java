package io.zerotrust.keycloak.authn.condition;

import java.util.ArrayList;
import java.util.List;

import io.zerotrust.keycloak.authn.condition.LocationRule.Mode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocationRuleTest {

    private final List<String> warnings = new ArrayList<>();

    @Test
    void inMatchesListedCountriesOnly() {
        LocationRule rule = LocationRule.read(List.of("DE", "at"), "in", warnings::add);
        assertThat(rule.matches("DE")).isTrue();
        assertThat(rule.matches("at")).isTrue();
        assertThat(rule.matches("FR")).isFalse();
        assertThat(warnings).isEmpty();
    }

    @Test
    void notInMatchesEveryOtherCountry() {
        LocationRule rule = LocationRule.read(List.of("DE"), "not-in", warnings::add);
        assertThat(rule.matches("DE")).isFalse();
        assertThat(rule.matches("FR")).isTrue();
    }

    @Test
    void unknownCountryIsNeverListed() {
        assertThat(new LocationRule(java.util.Set.of("DE"), Mode.IN).matches(null)).isFalse();
        assertThat(new LocationRule(java.util.Set.of("DE"), Mode.NOT_IN).matches(null)).isTrue();
    }

    @Test
    void anEntryMayListSeveralCodes() {
        assertThat(LocationRule.read(List.of("DE, at CH"), "in", warnings::add).countries()).containsExactlyInAnyOrder("DE", "AT", "CH");
        assertThat(warnings).isEmpty();
    }

    @Test
    void defaultModeIsIn() {
        assertThat(LocationRule.read(List.of("DE"), null, warnings::add).mode()).isEqualTo(Mode.IN);
    }

    @Test
    void badEntriesAreSkippedWithAWarning() {
        LocationRule rule = LocationRule.read(List.of("Germany", "DE", "D1"), "outside", warnings::add);
        assertThat(rule.countries()).containsExactly("DE");
        assertThat(rule.mode()).isEqualTo(Mode.IN);
        assertThat(warnings).hasSize(3);
    }
}
