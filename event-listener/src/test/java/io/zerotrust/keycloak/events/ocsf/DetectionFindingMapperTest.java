package io.zerotrust.keycloak.events.ocsf;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;
import io.zerotrust.keycloak.events.anomaly.FindingKind;
import io.zerotrust.keycloak.events.anomaly.FindingLevel;
import io.zerotrust.keycloak.events.anomaly.FindingReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DetectionFindingMapperTest {

    @Test
    void findingCarriesKindScoreLevelAndReasons() {
        AnomalyFinding finding = new AnomalyFinding("f-1", 5_000L, "r1", "u-1", "s-1", "203.0.113.7", "AS64500",
                FindingKind.TOKEN_THEFT, 85, FindingLevel.HIGH,
                List.of(new FindingReason("SESSION_COUNTRY_CHANGED", "signed in from DE, refreshed from BR")));

        ObjectNode ocsf = new TreeMapper().map(finding);

        assertThat(ocsf.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(ocsf.get("category_uid").asInt()).isEqualTo(2);
        assertThat(ocsf.get("activity_id").asInt()).isEqualTo(1);
        assertThat(ocsf.get("type_uid").asLong()).isEqualTo(200401L);
        assertThat(ocsf.get("severity_id").asInt()).isEqualTo(4);
        assertThat(ocsf.get("risk_score").asInt()).isEqualTo(85);
        assertThat(ocsf.get("risk_level_id").asInt()).isEqualTo(3);
        assertThat(ocsf.at("/metadata/uid").asText()).isEqualTo("f-1");
        assertThat(ocsf.at("/finding_info/uid").asText()).isEqualTo("f-1");
        assertThat(ocsf.at("/finding_info/types/0").asText()).isEqualTo("TOKEN_THEFT");
        assertThat(ocsf.at("/finding_info/desc").asText()).contains("refreshed from BR");
        assertThat(ocsf.at("/finding_info/analytic/type_id").asInt()).isEqualTo(2);
        assertThat(ocsf.at("/evidences/0/user/uid").asText()).isEqualTo("u-1");
        assertThat(ocsf.at("/evidences/0/src_endpoint/autonomous_system/number").asLong()).isEqualTo(64500L);
        assertThat(ocsf.at("/evidences/0/session/uid").asText()).isEqualTo("s-1");
        assertThat(ocsf.at("/unmapped/zt_finding/reasons/0/code").asText()).isEqualTo("SESSION_COUNTRY_CHANGED");
    }

    @Test
    void sourceFindingWithoutUserHasNoUser() {
        AnomalyFinding finding = new AnomalyFinding("f-2", 1L, "r1", null, null, "203.0.113.7", null,
                FindingKind.CREDENTIAL_STUFFING, 60, FindingLevel.MEDIUM,
                List.of(new FindingReason("MANY_ACCOUNTS_FAILING", "25 accounts failed from 203.0.113.7")));
        ObjectNode ocsf = new TreeMapper().map(finding);
        assertThat(ocsf.has("user")).isFalse();
        assertThat(ocsf.get("severity_id").asInt()).isEqualTo(3);
        assertThat(ocsf.at("/finding_info/analytic/type").asText()).isEqualTo("Rule");
    }

    @Test
    void anAnalystsVerdictIsADetectionFindingUpdateOfTheSameFinding() {
        io.zerotrust.keycloak.events.SecurityEvent verdict = io.zerotrust.keycloak.events.SecurityEvent.builder()
                .id("audit-1").time(9_000L).realmId("r1").realmName("acme")
                .type(io.zerotrust.keycloak.events.SecurityEvent.FINDING_VERDICT).userId("soc-1").username("sam")
                .details(java.util.Map.of("finding_id", "f-1", "verdict", "false_positive", "note", "travelling",
                        "finding_kind", "TOKEN_THEFT", "finding_user_id", "u-1"))
                .build();

        ObjectNode ocsf = new TreeMapper().map(verdict).orElseThrow();

        assertThat(ocsf.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(ocsf.get("activity_id").asInt()).isEqualTo(2);
        assertThat(ocsf.get("type_uid").asLong()).isEqualTo(200402L);
        assertThat(ocsf.at("/metadata/uid").asText()).isEqualTo("audit-1");
        assertThat(ocsf.at("/finding_info/uid").asText()).isEqualTo("f-1");
        assertThat(ocsf.get("verdict_id").asInt()).isEqualTo(1);
        assertThat(ocsf.get("comment").asText()).isEqualTo("travelling");
        assertThat(ocsf.at("/actor/user/uid").asText()).isEqualTo("soc-1");
        assertThat(ocsf.at("/actor/user/name").asText()).isEqualTo("sam");
        assertThat(ocsf.at("/user/uid").asText()).isEqualTo("u-1");
        assertThat(ocsf.get("time").asLong()).isEqualTo(9_000L);
    }
}
