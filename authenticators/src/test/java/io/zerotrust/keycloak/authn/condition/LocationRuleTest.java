package io.zerotrust.keycloak.authn.condition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.authn.condition.LocationRule.Mode;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocationRuleTest {

    private final List<String> warnings = new ArrayList<>();

    @Test
    void inMatchesListedCountriesOnly() {
        LocationRule rule = read("DE##at", "in");
        assertThat(rule.matches("DE")).isTrue();
        assertThat(rule.matches("at")).isTrue();
        assertThat(rule.matches("FR")).isFalse();
        assertThat(warnings).isEmpty();
    }

    @Test
    void notInMatchesEveryOtherCountry() {
        LocationRule rule = read("DE", "not-in");
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
        assertThat(read("DE, at CH", "in").countries()).containsExactlyInAnyOrder("DE", "AT", "CH");
        assertThat(warnings).isEmpty();
    }

    @Test
    void defaultModeIsIn() {
        assertThat(read("DE", null).mode()).isEqualTo(Mode.IN);
    }

    @Test
    void badEntriesAreSkippedWithAWarning() {
        LocationRule rule = read("Germany##DE##D1", "outside");
        assertThat(rule.countries()).containsExactly("DE");
        assertThat(rule.mode()).isEqualTo(Mode.IN);
        assertThat(warnings).hasSize(3);
    }

    /** Reads a step's stored countries and mode (null: unset), its problems into {@link #warnings}. */
    private LocationRule read(String countries, String mode) {
        Map<String, String> config = new HashMap<>();
        config.put(LocationConditionFactory.CONFIG_COUNTRIES, countries);
        config.put(LocationConditionFactory.CONFIG_MODE, mode);
        OptionReader reader = OptionReader.collecting(LocationConditionFactory.PROVIDER_ID, config);
        LocationRule rule = LocationRule.read(reader);
        warnings.addAll(reader.problems());
        return rule;
    }
}
