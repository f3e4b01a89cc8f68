package io.zerotrust.keycloak.events.ocsf;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zerotrust.keycloak.events.PrivilegedAccessEvents;
import io.zerotrust.keycloak.events.SecurityEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PrivilegedAccessMapperTest {

    private final TreeMapper mapper = new TreeMapper();

    @ParameterizedTest
    @CsvSource({"ZT_ROLE_ACTIVATED,3005,1,Assign Privileges", "ZT_ROLE_EXPIRED,3005,2,Revoke Privileges",
            "ZT_ROLE_ENDED,3005,2,Revoke Privileges", "ZT_ROLE_REQUESTED,3001,99,Role Activation Requested",
            "ZT_ROLE_APPROVED,3001,99,Role Activation Approved", "ZT_ROLE_REFUSED,3001,99,Role Activation Refused",
            "ZT_DUTY_CONFLICT,3001,99,Conflict of Duties"})
    void eachStepHasItsClassAndActivity(String type, int classUid, int activity, String activityName) {
        ObjectNode ocsf = mapper.map(record(type, Map.of(PrivilegedAccessEvents.ROLE, "deploy-production",
                PrivilegedAccessEvents.ACTOR_ID, "u-2", PrivilegedAccessEvents.ACTOR, "alice"))).orElseThrow();

        assertThat(ocsf.get("class_uid").asInt()).isEqualTo(classUid);
        assertThat(ocsf.get("activity_id").asInt()).isEqualTo(activity);
        assertThat(ocsf.get("activity_name").asText()).isEqualTo(activityName);
        assertThat(ocsf.get("type_uid").asLong()).isEqualTo(classUid * 100L + activity);
        assertThat(ocsf.at("/user/name").asText()).isEqualTo("dana");
        assertThat(ocsf.at("/actor/user/name").asText()).isEqualTo("alice");
        assertThat(ocsf.at("/unmapped/keycloak/details/role").asText()).isEqualTo("deploy-production");
        assertThat(ocsf.path("privileges").isArray()).isEqualTo(classUid == 3005);
    }

    @Test
    void aRefusalIsAFailureAndAConflictIsHighSeverity() {
        ObjectNode refused = mapper.map(record(PrivilegedAccessEvents.REFUSED, Map.of(PrivilegedAccessEvents.ROLE, "db-admin",
                PrivilegedAccessEvents.REASON, "conflict"))).orElseThrow();
        assertThat(refused.get("status").asText()).isEqualTo("Failure");
        assertThat(refused.get("status_detail").asText()).isEqualTo("conflict");
        assertThat(refused.has("actor")).as("no actor: the pack refused it").isFalse();

        ObjectNode conflict = mapper.map(record(PrivilegedAccessEvents.CONFLICT, Map.of(PrivilegedAccessEvents.RULE,
                "payments", PrivilegedAccessEvents.CONFLICTING_ROLES, "pay-create,pay-approve"))).orElseThrow();
        assertThat(conflict.get("severity").asText()).isEqualTo("High");
        assertThat(conflict.get("status").asText()).isEqualTo("Success");
        assertThat(conflict.get("message").asText()).contains("payments").contains("pay-create,pay-approve");
    }

    private static SecurityEvent record(String type, Map<String, String> details) {
        return SecurityEvent.builder().id("r-1").time(1L).realmId("r1").realmName("acme").type(type).userId("u-1")
                .username("dana").details(details).build();
    }
}
