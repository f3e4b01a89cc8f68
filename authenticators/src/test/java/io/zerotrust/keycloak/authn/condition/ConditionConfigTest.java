package io.zerotrust.keycloak.authn.condition;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionConfigTest {

    @Test
    void readsMultiValuedStringsAndFlags() {
        ConditionConfig config = ConditionConfig.of(Map.of("windows", "Mon,Wed 09:00-17:00 UTC## Sat 10:00-12:00 UTC##", "negate", "true", "mode", "  "));
        assertThat(config.list("windows")).containsExactly("Mon,Wed 09:00-17:00 UTC", "Sat 10:00-12:00 UTC");
        assertThat(config.flag("negate")).isTrue();
        assertThat(config.text("mode")).isNull();
    }

    @Test
    void missingConfigIsEmpty() {
        ConditionConfig config = ConditionConfig.of(null);
        assertThat(config.list("countries")).isEmpty();
        assertThat(config.flag("negate")).isFalse();
    }
}
