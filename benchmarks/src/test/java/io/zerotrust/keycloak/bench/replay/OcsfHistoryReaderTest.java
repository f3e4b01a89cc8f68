package io.zerotrust.keycloak.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;

import io.zerotrust.keycloak.risk.device.DeviceCookieStatus;
import io.zerotrust.keycloak.risk.engine.RiskLevel;
import org.junit.jupiter.api.Test;

class OcsfHistoryReaderTest {

    private static RealmHistory read(String... lines) throws IOException {
        return OcsfHistoryReader.read(new BufferedReader(new StringReader(String.join("\n", lines))));
    }

    @Test
    void aLoginBecomesASignInWithItsPlaceDeviceAndRecordedVerdict() throws IOException {
        RealmHistory history = read("""
                {"class_uid":3002,"class_name":"Authentication","time":1740985200000,\
                "user":{"uid":"u-1","name":"alice"},"src_endpoint":{"ip":"198.51.100.10",\
                "location":{"country":"DE","city":"Berlin","lat":52.52,"long":13.4},"autonomous_system":{"number":3320}},\
                "device":{"uid":"abc"},"http_request":{"user_agent":"Firefox"},"status_id":1,\
                "enrichments":[{"name":"zt.risk","data":{"score":40,"level":"MEDIUM","reasons":["GEO_ANONYMOUS_VPN","DEVICE_TRUSTED"]}}],\
                "unmapped":{"keycloak":{"type":"LOGIN","details":{"username":"alice","zt_risk_verified":"true"}}}}""");

        assertThat(history.malformed()).isEmpty();
        RecordedSignIn signIn = history.signIns().get(0);
        assertThat(signIn.login().userId()).isEqualTo("u-1");
        assertThat(signIn.username()).isEqualTo("alice");
        assertThat(signIn.login().time().toEpochMilli()).isEqualTo(1740985200000L);
        assertThat(signIn.login().location().countryCode()).isEqualTo("DE");
        assertThat(signIn.login().location().city()).isEqualTo("Berlin");
        assertThat(signIn.login().location().latitude()).isEqualTo(52.52);
        assertThat(signIn.login().location().asn()).isEqualTo(3320L);
        assertThat(signIn.login().location().anonymousVpn()).as("flag from the recorded reason").isTrue();
        assertThat(signIn.login().presentedDevice()).isEqualTo("abc");
        assertThat(signIn.login().userAgent()).isEqualTo("Firefox");
        assertThat(signIn.login().teaches()).isTrue();
        assertThat(signIn.recordedLevel()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(signIn.deviceStatus()).isEqualTo(DeviceCookieStatus.VALID);
        assertThat(signIn.trustedDevice()).isTrue();
    }

    @Test
    void failuresOtherClassesAndMalformedLinesAreCountedNeverFatal() throws IOException {
        RealmHistory history = read(
                "{\"class_uid\":3002,\"time\":1000,\"user\":{\"name\":\"Mallory\"},\"src_endpoint\":{\"ip\":\"192.0.2.9\","
                        + "\"autonomous_system\":{\"number\":64496}},\"status_id\":2,\"status_detail\":\"user_not_found\","
                        + "\"unmapped\":{\"keycloak\":{\"type\":\"LOGIN_ERROR\",\"error\":\"user_not_found\"}}}",
                "{\"class_uid\":2004,\"class_name\":\"Detection Finding\",\"time\":2000}",
                "this is not json",
                "",
                "{\"class_uid\":3002,\"time\":3000,\"unmapped\":{\"keycloak\":{\"type\":\"REFRESH_TOKEN\"}}}",
                "{\"class_uid\":3002,\"time\":\"soon\",\"unmapped\":{\"keycloak\":{\"type\":\"LOGIN\"}}}",
                "{\"class_uid\":3002,\"time\":4000,\"unmapped\":{\"keycloak\":{\"type\":\"LOGIN\"}}}",
                "{\"class_uid\":3002,\"time\":5000,\"user\":{\"uid\":\"u-2\"},\"status_id\":2,"
                        + "\"unmapped\":{\"keycloak\":{\"type\":\"LOGIN_ERROR\",\"error\":\"access_denied\","
                        + "\"details\":{\"zt_password_verified\":\"true\"}}}}");

        assertThat(history.events()).isEqualTo(7);
        assertThat(history.failures()).hasSize(2).first().satisfies(f -> {
            assertThat(f.userId()).isEqualTo("name:mallory");
            assertThat(f.ip()).isEqualTo("192.0.2.9");
            assertThat(f.network()).isEqualTo("64496");
        });
        assertThat(history.skipped()).containsEntry("Detection Finding", 1).containsEntry("REFRESH_TOKEN", 1);
        assertThat(history.malformed()).hasSize(3);
        assertThat(history.malformed().get(0)).startsWith("line 3: not JSON");
        assertThat(history.malformed().get(1)).startsWith("line 6: LOGIN without a numeric time");
        assertThat(history.malformed().get(2)).startsWith("line 7: LOGIN without a user id");
        // the refusal after a verified password is both a failure the server counted and a sign-in to judge again
        assertThat(history.signIns()).singleElement().satisfies(s -> {
            assertThat(s.refused()).isTrue();
            assertThat(s.login().teaches()).isFalse();
            assertThat(s.login().location()).isNull();
            assertThat(s.deviceStatus()).isEqualTo(DeviceCookieStatus.ABSENT);
        });
    }
}
