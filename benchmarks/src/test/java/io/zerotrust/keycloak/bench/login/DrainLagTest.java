package io.zerotrust.keycloak.bench.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.events.ocsf.OcsfMapper;
import org.junit.jupiter.api.Test;

class DrainLagTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheRealmsLoginsFromTheBatchThePackPosts() throws Exception {
        ArrayNode batch = JSON.createArrayNode();
        OcsfMapper mapper = new OcsfMapper();
        batch.add(JSON.readTree(mapper.map(event("e1", "LOGIN", "zt-overhead", 1_000L)).orElseThrow().utf8()));
        batch.add(JSON.readTree(mapper.map(event("e2", "LOGIN_ERROR", "zt-overhead", 2_000L)).orElseThrow().utf8()));
        batch.add(JSON.readTree(mapper.map(event("e3", "CODE_TO_TOKEN", "zt-overhead", 3_000L)).orElseThrow().utf8()));
        batch.add(JSON.readTree(mapper.map(event("e4", "LOGIN", "other", 4_000L)).orElseThrow().utf8()));
        batch.add(JSON.readTree(mapper.map(event("e5", "LOGIN", "zt-overhead", 5_000L)).orElseThrow().utf8()));

        assertThat(OcsfLogins.in(JSON.writeValueAsBytes(batch), "zt-overhead"))
                .containsExactly(new OcsfLogins.Login("e1", 1_000L), new OcsfLogins.Login("e5", 5_000L));
    }

    @Test
    void readsNdjsonToo() throws Exception {
        OcsfMapper mapper = new OcsfMapper();
        String body = mapper.map(event("e1", "LOGIN", "r", 10L)).orElseThrow().text() + "\n"
                + mapper.map(event("e2", "LOGIN", "r", 20L)).orElseThrow().text() + "\n";

        assertThat(OcsfLogins.in(body.getBytes(StandardCharsets.UTF_8), "r")).extracting(OcsfLogins.Login::eventId)
                .containsExactly("e1", "e2");
    }

    @Test
    void lagsCountOnlyEventsOfTheRoundsWindowsAndTheFirstArrivalOfEach() {
        DrainLag lag = new DrainLag();
        lag.arrived("a", 1_000, 1_100);
        lag.arrived("b", 1_500, 1_800);
        lag.arrived("a", 1_000, 5_000); // delivered again: at least once
        lag.arrived("c", 2_500, 2_510); // between the rounds: the other server's turn
        lag.arrived("d", 3_000, 3_050);
        List<RoundResult> rounds = List.of(round(1_000, 2_000), round(3_000, 4_000));

        assertThat(lag.countWithin(rounds)).isEqualTo(3);
        assertThat(lag.lagsWithin(rounds)).containsExactly(50, 100, 300);
    }

    @Test
    void optionsTakeTheLoadsOwnAndTheComparisons() {
        Map<String, String> values = LoadOptions.read(new String[]{"--webhook-secret", "s", "--workers=2",
                "--baseline-pid", "42"}, PackOverhead.defaults());
        assertThat(values).containsEntry("realm", "zt-overhead").containsEntry("baseline-url", "http://127.0.0.1:8281")
                .containsEntry("receiver-port", "18691").containsEntry("baseline-pid", "42");
        assertThat(LoadOptions.from(values).workers()).isEqualTo(2);

        assertThatThrownBy(() -> LoadOptions.read(new String[]{"--baseline-url", "x"}, LoadOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--baseline-url");
    }

    private static RoundResult round(long startMillis, long endMillis) {
        return new RoundResult(PackOverhead.PACK, false, (endMillis - startMillis) * 1_000_000, startMillis, endMillis,
                -1, new long[0], Map.of(), List.of());
    }

    private static SecurityEvent event(String id, String type, String realm, long time) {
        return SecurityEvent.builder().id(id).time(time).realmId("realm-id").realmName(realm)
                .origin(SecurityEvent.Origin.USER).type(type).userId("u1").username("zt-load-1")
                .clientId("zt-load-stock").details(Map.of("auth_method", "openid-connect")).build();
    }
}
