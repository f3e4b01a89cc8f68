package io.zerotrust.keycloak.events.ocsf;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zerotrust.keycloak.events.Events;
import io.zerotrust.keycloak.events.SecurityEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AccountChangeMapperTest {

    private final TreeMapper mapper = new TreeMapper();

    @ParameterizedTest
    @CsvSource({"UPDATE_PASSWORD,,3", "RESET_PASSWORD,,4", "SEND_RESET_PASSWORD,,99", "UPDATE_TOTP,,10",
            "REMOVE_TOTP,,11", "UPDATE_CREDENTIAL,password,3", "UPDATE_CREDENTIAL,webauthn,10",
            "REMOVE_CREDENTIAL,otp,11", "REMOVE_CREDENTIAL,password,99", "UPDATE_PASSWORD_ERROR,,3"})
    void credentialChanges(String type, String credentialType, int activity) {
        SecurityEvent event = Events.login().type(type).error(type.endsWith("_ERROR") ? "invalid" : null)
                .details(credentialType == null ? Map.of() : Map.of("credential_type", credentialType)).build();
        ObjectNode ocsf = mapper.map(event).orElseThrow();

        assertThat(ocsf.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(ocsf.get("category_uid").asInt()).isEqualTo(3);
        assertThat(ocsf.get("activity_id").asInt()).isEqualTo(activity);
        assertThat(ocsf.get("type_uid").asLong()).isEqualTo(300100L + activity);
        assertThat(ocsf.get("status_id").asInt()).isEqualTo(type.endsWith("_ERROR") ? 2 : 1);
        assertThat(ocsf.at("/user/uid").asText()).isEqualTo("u-1");
        assertThat(ocsf.at("/metadata/uid").asText()).isEqualTo("ev-1");
    }

    @ParameterizedTest
    @CsvSource({"CREATE,USER,users/u-9,1", "DELETE,USER,users/u-9,6", "ACTION,USER,users/u-9/reset-password,4",
            "UPDATE,USER,users/u-9/disable-credential-types,11", "CREATE,REALM_ROLE_MAPPING,users/u-9/role-mappings/realm,7",
            "DELETE,GROUP_MEMBERSHIP,users/u-9/groups/g1,8", "UPDATE,USER,users/u-9,99"})
    void adminEventsOnUsers(String operation, String resourceType, String path, int activity) {
        ObjectNode ocsf = mapper.map(admin(operation, resourceType, path)).orElseThrow();

        assertThat(ocsf.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(ocsf.get("activity_id").asInt()).isEqualTo(activity);
        assertThat(ocsf.at("/user/uid").asText()).isEqualTo("u-9");
        assertThat(ocsf.at("/actor/user/uid").asText()).isEqualTo("admin-1");
        assertThat(ocsf.at("/actor/app_name").asText()).isEqualTo("admin-cli");
        assertThat(ocsf.at("/unmapped/keycloak/details/resource_path").asText()).isEqualTo(path);
    }

    @Test
    void adminEventsOnOtherResourcesAreOtherAndNamed() {
        ObjectNode ocsf = mapper.map(admin("UPDATE", "CLIENT", "clients/c-1")).orElseThrow();
        assertThat(ocsf.get("activity_id").asInt()).isEqualTo(99);
        assertThat(ocsf.get("activity_name").asText()).isEqualTo("Admin UPDATE CLIENT");
        assertThat(ocsf.has("user")).isFalse();
    }

    private static SecurityEvent admin(String operation, String resourceType, String path) {
        return SecurityEvent.builder().id("a-1").time(1L).realmId("r1").origin(SecurityEvent.Origin.ADMIN)
                .type(operation).userId("admin-1").clientId("admin-cli").ip("198.51.100.1")
                .details(Map.of(SecurityEvent.RESOURCE_TYPE, resourceType, SecurityEvent.RESOURCE_PATH, path)).build();
    }
}
