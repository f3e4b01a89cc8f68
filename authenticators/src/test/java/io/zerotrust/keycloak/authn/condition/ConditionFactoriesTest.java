package io.zerotrust.keycloak.authn.condition;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConditionFactoriesTest {

    @Test
    void everyConditionIsNamedSoThatTheAdminConsoleOffersItAsACondition() {
        List<ZeroTrustConditionFactory> factories = List.of(new RiskLevelConditionFactory(), new LocationConditionFactory(),
                new TimeWindowConditionFactory(), new DevicePostureConditionFactory(), new NetworkConditionFactory());
        assertThat(factories).allSatisfy(f -> assertThat(f.getDisplayType()).startsWith("Condition - Zero Trust "));
    }

    @Test
    void aConditionNamedOtherwiseIsRefused() {
        assertThatThrownBy(() -> new ZeroTrustConditionFactory("x", "Zero Trust: condition - x", "help", null) {
            @Override
            public List<org.keycloak.provider.ProviderConfigProperty> getConfigProperties() {
                return List.of();
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Condition ");
    }
}
