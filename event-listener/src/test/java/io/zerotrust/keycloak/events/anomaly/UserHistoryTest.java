package io.zerotrust.keycloak.events.anomaly;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserHistoryTest {

    @Test
    void aHistoryReadsBackAsItWasWritten() throws Exception {
        UserHistory history = new UserHistory();
        history.learn(new String[] {"192.0.2.10", "AS64500", "DE", "Firefox/Linux"});
        history.learn(new String[] {"192.0.2.10", "AS64500", "DE", null});
        history.learn(new String[] {"192.0.2.11", "AS64500", "DE", "Firefox/Linux"});

        UserHistory back = UserHistory.fromJson(history.toJson());

        assertThat(back.total()).isEqualTo(3);
        assertThat(back.count(LoginLikelihood.IP, "192.0.2.10")).isEqualTo(2);
        assertThat(back.count(LoginLikelihood.IP, "192.0.2.11")).isEqualTo(1);
        assertThat(back.count(LoginLikelihood.NETWORK, "AS64500")).isEqualTo(3);
        assertThat(back.count(LoginLikelihood.AGENT, "Firefox/Linux")).isEqualTo(2);
        assertThat(back.count(LoginLikelihood.COUNTRY, "JP")).isZero();
    }

    @Test
    void aFullFeatureLetsItsRarestValueGoAndAHistoryStaysSmall() throws Exception {
        UserHistory history = new UserHistory();
        for (int i = 0; i < 10; i++) {
            history.learn(new String[] {"192.0.2.10", null, null, null});
        }
        for (int i = 0; i < 100; i++) {
            history.learn(new String[] {"2001:db8::" + i, null, null, "x".repeat(500)});
        }
        assertThat(history.count(LoginLikelihood.IP, "192.0.2.10")).as("the habit survives one-off values").isEqualTo(10);
        assertThat(history.count(LoginLikelihood.AGENT, "x".repeat(500))).as("a long value is cut, still counted").isEqualTo(100);
        assertThat(history.toJson().length()).isLessThan(8000);
    }

    @Test
    void aDamagedHistoryIsRefused() {
        assertThatThrownBy(() -> UserHistory.fromJson("{\"f\":3}")).isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> UserHistory.fromJson("{not json")).isInstanceOf(java.io.IOException.class);
    }
}
