package io.zerotrust.keycloak.events.ocsf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zerotrust.keycloak.events.Events;
import io.zerotrust.keycloak.events.SecurityEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationMapperTest {

    private final TreeMapper mapper = new TreeMapper();

    @Test
    void successfulLoginIsALogonWithEveryEnrichment() {
        ObjectNode ocsf = mapper.map(Events.login().build()).orElseThrow();

        assertThat(ocsf.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(ocsf.get("category_uid").asInt()).isEqualTo(3);
        assertThat(ocsf.get("activity_id").asInt()).isEqualTo(1);
        assertThat(ocsf.get("type_uid").asLong()).isEqualTo(300201L);
        assertThat(ocsf.get("time").asLong()).isEqualTo(1_700_000_000_000L);
        assertThat(ocsf.get("status_id").asInt()).isEqualTo(1);
        assertThat(ocsf.has("status_detail")).isFalse();
        // MEDIUM risk raises a success above Informational
        assertThat(ocsf.get("severity_id").asInt()).isEqualTo(3);
        assertThat(ocsf.at("/metadata/uid").asText()).isEqualTo("ev-1");
        assertThat(ocsf.at("/metadata/version").asText()).startsWith("1.");
        assertThat(ocsf.at("/metadata/product/name").asText()).isEqualTo("Keycloak");
        assertThat(ocsf.at("/metadata/product/vendor_name").asText()).isEqualTo("Keycloak");
        assertThat(ocsf.at("/user/uid").asText()).isEqualTo("u-1");
        assertThat(ocsf.at("/user/name").asText()).isEqualTo("alice");
        assertThat(ocsf.at("/service/name").asText()).isEqualTo("account");
        assertThat(ocsf.at("/session/uid").asText()).isEqualTo("s-1");
        assertThat(ocsf.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.7");
        assertThat(ocsf.at("/src_endpoint/location/country").asText()).isEqualTo("DE");
        assertThat(ocsf.at("/src_endpoint/location/city").asText()).isEqualTo("Berlin");
        assertThat(ocsf.at("/src_endpoint/autonomous_system/number").asLong()).isEqualTo(64500L);
        assertThat(ocsf.at("/device/uid").asText()).isEqualTo("ab12");
        assertThat(ocsf.at("/http_request/user_agent").asText()).contains("Firefox");
        assertThat(ocsf.at("/auth_protocol_id").asInt()).isEqualTo(4);
        assertThat(ocsf.at("/enrichments/0/name").asText()).isEqualTo("zt.risk");
        assertThat(ocsf.at("/enrichments/0/data/score").asInt()).isEqualTo(42);
        assertThat(ocsf.at("/enrichments/0/data/level").asText()).isEqualTo("MEDIUM");
        assertThat(ocsf.at("/enrichments/0/data/reasons/0").asText()).isEqualTo("NEW_COUNTRY");
        assertThat(ocsf.at("/enrichments/0/data").has("report_only")).as("nothing reported only").isFalse();
        assertThat(ocsf.at("/unmapped/keycloak/type").asText()).isEqualTo("LOGIN");
        assertThat(ocsf.at("/unmapped/keycloak/details/username").asText()).isEqualTo("alice");
    }

    @Test
    void geoIpsCoordinatesGoWithTheLocationSoAReplayCanJudgeTravel() {
        ObjectNode ocsf = mapper.map(Events.login().latitude(52.52).longitude(13.405).build()).orElseThrow();
        assertThat(ocsf.at("/src_endpoint/location/lat").asDouble()).isEqualTo(52.52);
        assertThat(ocsf.at("/src_endpoint/location/long").asDouble()).isEqualTo(13.405);
        assertThat(mapper.map(Events.login().build()).orElseThrow().at("/src_endpoint/location").has("lat"))
                .as("no coordinates, no lat").isFalse();
    }

    @Test
    void whatStepsSetToReportOnlyWouldHaveDoneGoesWithTheRisk() {
        ObjectNode ocsf = mapper.map(Events.login().details(java.util.Map.of("username", "alice",
                "zt_report_only", "deny,otp", "zt_risk_verified", "false")).build()).orElseThrow();
        assertThat(ocsf.at("/enrichments/0/data/report_only").toString()).isEqualTo("[\"deny\",\"otp\"]");
    }

    @Test
    void failedLoginIsAFailedLogonWithTheErrorAsDetail() {
        ObjectNode ocsf = mapper.map(Events.login().type("LOGIN_ERROR").error("invalid_user_credentials").risk(null)
                .build()).orElseThrow();

        assertThat(ocsf.get("activity_id").asInt()).isEqualTo(1);
        assertThat(ocsf.get("status_id").asInt()).isEqualTo(2);
        assertThat(ocsf.get("status_detail").asText()).isEqualTo("invalid_user_credentials");
        assertThat(ocsf.get("severity_id").asInt()).isEqualTo(2);
        assertThat(ocsf.has("enrichments")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"LOGIN,1", "CLIENT_LOGIN,1", "LOGOUT,2", "CODE_TO_TOKEN,3", "TOKEN_EXCHANGE,4", "REFRESH_TOKEN,5",
            "REFRESH_TOKEN_ERROR,5", "CODE_TO_TOKEN_ERROR,3", "IDENTITY_PROVIDER_LOGIN,1", "IDENTITY_PROVIDER_FIRST_LOGIN,1",
            "IDENTITY_PROVIDER_POST_LOGIN_ERROR,1"})
    void activities(String type, int activity) {
        ObjectNode ocsf = mapper.map(Events.login().type(type).build()).orElseThrow();
        assertThat(ocsf.get("activity_id").asInt()).isEqualTo(activity);
        assertThat(ocsf.get("type_uid").asLong()).isEqualTo(300200L + activity);
        assertThat(ocsf.get("activity_name").asText()).isEqualTo(AuthenticationMapper.activityName(activity));
    }

    @Test
    void aRefusedFederatedSignInKeepsItsVerdictAndIdentityProvider() {
        ObjectNode ocsf = mapper.map(Events.login().type("IDENTITY_PROVIDER_POST_LOGIN_ERROR").error("access_denied")
                .details(java.util.Map.of("identity_provider", "corp-idp", "zt_reference", "K7Q2M-XR9TD", "auth_method", "openid-connect"))
                .build()).orElseThrow();
        assertThat(ocsf.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(ocsf.get("status_id").asInt()).isEqualTo(2);
        assertThat(ocsf.get("status_detail").asText()).isEqualTo("access_denied");
        assertThat(ocsf.toString()).contains("corp-idp").contains("K7Q2M-XR9TD");
    }

    @Test
    void absentValuesAreLeftOutNotNull() {
        SecurityEvent bare = SecurityEvent.builder().id("x").type("REFRESH_TOKEN").realmId("r").build();
        ObjectNode ocsf = mapper.map(bare).orElseThrow();
        assertThat(ocsf.has("user")).isFalse();
        assertThat(ocsf.has("src_endpoint")).isFalse();
        assertThat(ocsf.has("device")).isFalse();
        assertThat(ocsf.has("http_request")).isFalse();
        assertThat(ocsf.get("auth_protocol").asText()).isEqualTo("OAUTH 2.0");
        assertThat(ocsf.findValues("uid")).noneMatch(v -> v.isNull());
    }

    @Test
    void otherTypesAreNotExported() {
        assertThat(mapper.map(Events.login().type("UPDATE_EMAIL").build())).isEmpty();
        assertThat(OcsfMapper.exports("LOGIN_ERROR")).isTrue();
        assertThat(OcsfMapper.exports("UPDATE_TOTP")).isTrue();
        assertThat(OcsfMapper.exports("INTROSPECT_TOKEN")).isFalse();
    }
}
