package io.zerotrust.keycloak.access.sod;

import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictRuleTest {

    @Test
    void aRuleReadsItsRolesOnceEachAndRevertsOnlyWhenSaidSo() {
        ConflictRule rule = ConflictRule.of(component("roles", "pay-create", "roles", "pay-approve##pay-create",
                "roles", " ", "name", "payments"));
        assertThat(rule.roles()).containsExactly("pay-create", "pay-approve");
        assertThat(rule.name()).isEqualTo("payments");
        assertThat(rule.revert()).isFalse();

        assertThat(ConflictRule.of(component("roles", "a", "roles", "b", "on-admin-change", "revert")).revert()).isTrue();
    }

    @Test
    void aRuleWithoutANameIsNamedByItsRoles() {
        assertThat(ConflictRule.of(component("roles", "deploy-production", "roles", "approve-production-change")).name())
                .isEqualTo("deploy-production / approve-production-change");
    }

    @Test
    void aConflictSaysWhichDutiesCollide() {
        Conflict conflict = new Conflict(new ConflictRule("r", "production change", java.util.List.of("a", "b"), false),
                java.util.List.of("deploy-production", "approve-production-change"));
        assertThat(conflict.message()).contains("production change").contains("deploy-production, approve-production-change");
    }

    private static ComponentModel component(String... keyValues) {
        ComponentModel component = new ComponentModel();
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            config.add(keyValues[i], keyValues[i + 1]);
        }
        component.setConfig(config);
        return component;
    }
}
