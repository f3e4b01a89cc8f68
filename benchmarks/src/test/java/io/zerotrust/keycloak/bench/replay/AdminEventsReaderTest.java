package io.zerotrust.keycloak.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;

import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.geo.GeoLookup;
import org.junit.jupiter.api.Test;

class AdminEventsReaderTest {

    @Test
    void storedEventsBecomeSignInsWithoutPlaceOrUserAgent() throws IOException {
        // newest first, as the admin API returns them
        RealmHistory history = AdminEventsReader.read(new StringReader("""
                [
                  {"id":"e3","time":1740990000000,"type":"LOGIN","realmId":"r","clientId":"account","userId":"u-1",
                   "sessionId":"s","ipAddress":"198.51.100.10","details":{"username":"alice","zt_risk_level":"MEDIUM",
                   "zt_risk_score":"41","zt_risk_reasons":"DEVICE_UNKNOWN,TIME_UNUSUAL_HOUR","zt_device_id":"dev-1",
                   "zt_risk_verified":"true"}},
                  {"id":"e2","time":1740986400000,"type":"LOGIN_ERROR","realmId":"r","ipAddress":"192.0.2.9",
                   "error":"invalid_user_credentials","userId":"u-1","details":{"username":"alice"}},
                  {"id":"e1","time":1740985200000,"type":"CODE_TO_TOKEN","userId":"u-1"},
                  "not an event",
                  {"id":"e0","type":"LOGIN","userId":"u-1"}
                ]"""));

        assertThat(history.events()).isEqualTo(5);
        assertThat(history.skipped()).containsEntry("CODE_TO_TOKEN", 1);
        assertThat(history.malformed()).containsExactly("event 3: not a JSON object", "event 4: LOGIN without a numeric time");
        assertThat(history.failures()).singleElement().satisfies(f -> {
            assertThat(f.userId()).isEqualTo("u-1");
            assertThat(f.network()).isNull();
        });
        RecordedSignIn signIn = history.signIns().get(0);
        assertThat(signIn.login().ip()).isEqualTo("198.51.100.10");
        assertThat(signIn.login().presentedDevice()).isEqualTo("dev-1");
        assertThat(signIn.login().location()).isNull();
        assertThat(signIn.locationProblem()).isEqualTo(GeoLookup.NOT_CONFIGURED);
        assertThat(signIn.login().userAgent()).isNull();
        assertThat(signIn.login().teaches()).isTrue();
        assertThat(signIn.recordedLevel()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(signIn.recordedReasons()).containsExactly("DEVICE_UNKNOWN", "TIME_UNUSUAL_HOUR");
    }

    @Test
    void aFileThatIsNotAnArrayIsAnError() {
        assertThatThrownBy(() -> AdminEventsReader.read(new StringReader("{\"type\":\"LOGIN\"}")))
                .isInstanceOf(IOException.class).hasMessageContaining("not a JSON array");
    }
}
