package io.zerotrust.keycloak.bench.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.zerotrust.keycloak.risk.engine.RiskAssessment;
import io.zerotrust.keycloak.risk.engine.RiskLevel;
import io.zerotrust.keycloak.risk.geo.GeoLocation;
import io.zerotrust.keycloak.risk.profile.UserRiskProfile;
import org.junit.jupiter.api.Test;

class ReplayEngineTest {

    private static final String AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0.0.0 Safari/537.36";
    private static final Instant START = Instant.parse("2025-02-03T08:00:00Z");

    private final World world = new World();
    private final City berlin = world.citiesOf("DE").get(0);
    private final City tokyo = world.citiesOf("JP").get(0);
    private final Network home = world.networks("DE", Network.Kind.RESIDENTIAL).get(0);
    private final Network hosting = world.networks("JP", Network.Kind.HOSTING).get(0);

    private LoginRecord login(int hours, Network network, City city, String presented, String issued, boolean teaches) {
        GeoLocation where = world.locate(network, city);
        return new LoginRecord("alice", START.plus(Duration.ofHours(hours)), network.address(7), where, AGENT,
                presented, issued, teaches);
    }

    @Test
    void thePackLearnsOnlyFromSignInsThatTeach() {
        PackScorer pack = new PackScorer();
        List<Verdict> attackVerdicts = new ArrayList<>();
        List<LoginRecord> sequence = List.of(
                login(0, home, berlin, null, "d1", true),
                login(24, hosting, tokyo, null, "attacker", false),
                login(48, home, berlin, "d1", null, true));

        new ReplayEngine(List.of(pack)).replay(sequence, (login, verdicts) -> {
            if (!login.teaches()) {
                attackVerdicts.add(verdicts.get(0));
            }
        });

        UserRiskProfile profile = pack.profile("alice");
        assertThat(profile.logins()).isEqualTo(2);
        assertThat(profile.countries()).containsOnlyKeys("DE");
        assertThat(profile.networks()).containsOnlyKeys(Long.toString(home.asn()));
        assertThat(profile.devices()).containsOnlyKeys("d1");
        assertThat(attackVerdicts).singleElement().extracting(Verdict::level).isEqualTo(RiskLevel.HIGH);

        // the attacker's place, network and device are as new as ever after the attack
        RiskAssessment again = pack.assess(login(72, hosting, tokyo, null, "attacker-2", false));
        assertThat(again.reasonCodes()).contains("GEO_NEW_COUNTRY", "GEO_NEW_NETWORK", "DEVICE_UNKNOWN");
    }

    @Test
    void everyScorerJudgesBeforeItLearns() {
        PackScorer pack = new PackScorer();
        List<RiskLevel> levels = new ArrayList<>();
        List<LoginRecord> sequence = List.of(login(0, home, berlin, null, "d1", true), login(30, home, berlin, "d1", null, true));

        new ReplayEngine(List.of(pack)).replay(sequence, (login, verdicts) -> levels.add(verdicts.get(0).level()));

        // the first is a cold start (no history yet), the second a known device from a known place
        assertThat(levels).containsExactly(RiskLevel.LOW, RiskLevel.LOW);
        assertThat(pack.assess(login(60, home, berlin, "d1", null, true)).reasonCodes())
                .contains("DEVICE_KNOWN", "GEO_KNOWN_CITY", "GEO_KNOWN_NETWORK");
    }
}
