package io.zerotrust.keycloak.authn.condition;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionConfigTest {

    @Test
    void readsMultiValuedStringsAndFlags() {
        ConditionConfig config = ConditionConfig.of(Map.of("countries", "DE## AT,CH##", "negate", "true", "mode", "  "));
        assertThat(config.list("countries")).containsExactly("DE", "AT", "CH");
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
