package io.zerotrust.keycloak.access.jit;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;

import static org.assertj.core.api.Assertions.assertThat;

class EligibilityTest {

    @Test
    void anItemOfTheEligibleRolesPageReadsAsItsSettings() {
        Eligibility eligibility = Eligibility.of(component("deploy to prod", "role", "deploy-production", "users", "Dana",
                "users", "cora##ian", "max-minutes", "45", "justification-required", "false", "approval-required", "true",
                "approver-role", "access-approver", "acr", "mfa"));

        assertThat(eligibility.usernames()).containsExactlyInAnyOrder("dana", "cora", "ian");
        assertThat(eligibility.maxMinutes()).isEqualTo(45);
        assertThat(eligibility.justificationRequired()).isFalse();
        assertThat(eligibility.approvalRequired()).isTrue();
        assertThat(eligibility.approverRole()).isEqualTo("access-approver");
        assertThat(eligibility.acr()).isEqualTo("mfa");
        assertThat(eligibility.name()).as("no description: the item's name").isEqualTo("deploy to prod");
    }

    @Test
    void anApproverRoleCountsOnlyWithApprovalRequiredAndTheDescriptionWinsOverTheName() {
        Eligibility eligibility = Eligibility.of(component(null, "role", "db-admin", "group", "/dba",
                "approval-required", "false", "approver-role", "access-approver", "description", "Administer the database"));

        assertThat(eligibility.approvalRequired()).isFalse();
        assertThat(eligibility.approverRole()).isNull();
        assertThat(eligibility.groupPath()).isEqualTo("/dba");
        assertThat(eligibility.maxMinutes()).as("the default").isEqualTo(EligibleRolesPageFactory.DEFAULT_MAX_MINUTES);
        assertThat(eligibility.justificationRequired()).as("unset: false, as the page's switch left off").isFalse();
        assertThat(eligibility.name()).isEqualTo("Administer the database");
    }

    @Test
    void aMaximumOutsideOneMinuteToAWeekIsUnreadable() {
        assertThat(List.of("0", "-5", "10081", "ten", "1.5")).allSatisfy(v ->
                assertThat(EligibleRolesPageFactory.maxMinutes(v)).as(v).isEqualTo(-1));
        assertThat(EligibleRolesPageFactory.maxMinutes(" 10080 ")).isEqualTo(10080);
        assertThat(EligibleRolesPageFactory.maxMinutes("")).isEqualTo(EligibleRolesPageFactory.DEFAULT_MAX_MINUTES);
    }

    static ComponentModel component(String name, String... keyValues) {
        ComponentModel component = new ComponentModel();
        component.setId("c-1");
        component.setName(name);
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            config.add(keyValues[i], keyValues[i + 1]);
        }
        component.setConfig(config);
        return component;
    }
}
