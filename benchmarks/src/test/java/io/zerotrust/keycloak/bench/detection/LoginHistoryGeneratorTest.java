package io.zerotrust.keycloak.bench.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

class LoginHistoryGeneratorTest {

    private final World world = new World();

    @Test
    void sameSeedGivesTheSameHistories() {
        List<SyntheticUser> first = new LoginHistoryGenerator(world, 7).generate(60);
        List<SyntheticUser> again = new LoginHistoryGenerator(new World(), 7).generate(60);

        assertThat(again).isEqualTo(first);
    }

    @Test
    void anotherSeedGivesOtherHistories() {
        assertThat(new LoginHistoryGenerator(world, 8).generate(60))
                .isNotEqualTo(new LoginHistoryGenerator(world, 7).generate(60));
    }

    @Test
    void historiesAreLegitimateSignInsInTimeOrder() {
        for (SyntheticUser user : new LoginHistoryGenerator(world, 7).generate(60)) {
            assertThat(user.logins()).isNotEmpty().allMatch(LoginRecord::teaches)
                    .allMatch(l -> l.userId().equals(user.id()) && l.location() != null && l.learnedDevice() != null)
                    .isSortedAccordingTo(Comparator.comparing(LoginRecord::time));
        }
    }

    @Test
    void sameSeedGivesTheSameAttacks() {
        SyntheticUser victim = new LoginHistoryGenerator(world, 7).generate(60).stream()
                .filter(u -> u.logins().size() >= 2).findFirst().orElseThrow();
        for (AttackerModel model : AttackerModel.values()) {
            LoginRecord attack = new AttackGenerator(world).attack(model, victim, 2, new java.util.Random(3));

            assertThat(new AttackGenerator(world).attack(model, victim, 2, new java.util.Random(3))).isEqualTo(attack);
            assertThat(attack.teaches()).isFalse();
            assertThat(attack.presentedDevice()).isNull();
            assertThat(attack.time()).isAfter(victim.logins().get(1).time());
        }
    }
}
