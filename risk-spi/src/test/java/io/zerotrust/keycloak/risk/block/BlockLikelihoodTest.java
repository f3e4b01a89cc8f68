package io.zerotrust.keycloak.risk.block;

import java.time.Instant;
import java.util.Map;

import io.zerotrust.keycloak.risk.profile.NetworkBlocks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The likelihood ratio worked out by hand at the default prior (rate 0.3, weighing 4 sign-ins). */
class BlockLikelihoodTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:15:00Z");
    private static final BlockSettings DEFAULTS = BlockSettings.defaults();

    /** Ten sign-ins: nine from the home block, one from another; one new block in nine repeats. */
    static final NetworkBlocks HOME = new NetworkBlocks(NOW, Map.of("198.51.100.0/24", 9, "203.0.113.0/24", 1), 9, 1);
    /** Ten sign-ins from ten blocks: nine new blocks in nine repeats. */
    static final NetworkBlocks CARRIER = new NetworkBlocks(NOW, carrierBlocks(), 9, 9);

    private static Map<String, Integer> carrierBlocks() {
        Map<String, Integer> blocks = new java.util.HashMap<>();
        for (int i = 0; i < 10; i++) {
            blocks.put("10.0." + i + ".0/24", 1);
        }
        return blocks;
    }

    @Test
    void aHomeUsersNewBlockWeighsTheLogOfOneOverTheirSmoothedRate() {
        // q = (1 + 4 * 0.3) / (9 + 4) = 2.2 / 13
        assertThat(BlockLikelihood.newBlockRate(HOME, DEFAULTS)).isCloseTo(2.2 / 13, within(1e-12));
        assertThat(BlockLikelihood.logOdds(HOME, "192.0.2.0/24", DEFAULTS)).isCloseTo(Math.log(13 / 2.2), within(1e-12));
    }

    @Test
    void aKnownBlockWeighsTheAttackersShareAgainstTheUsers() {
        double q = 2.2 / 13;
        assertThat(BlockLikelihood.logOdds(HOME, "198.51.100.0/24", DEFAULTS))
                .isCloseTo(Math.log(0.01 / ((1 - q) * 0.9)), within(1e-12));
        assertThat(BlockLikelihood.logOdds(HOME, "203.0.113.0/24", DEFAULTS))
                .isCloseTo(Math.log(0.01 / ((1 - q) * 0.1)), within(1e-12));
    }

    @Test
    void aCarrierUsersNewBlockIsBarelyEvidence() {
        // q = (9 + 1.2) / 13
        assertThat(BlockLikelihood.logOdds(CARRIER, "10.9.9.0/24", DEFAULTS)).isCloseTo(Math.log(13 / 10.2), within(1e-12));
    }

    @Test
    void afterOneSignInThePriorAloneSpeaks() {
        assertThat(BlockLikelihood.logOdds(NetworkBlocks.first("198.51.100.0/24", NOW), "192.0.2.0/24", DEFAULTS))
                .isCloseTo(Math.log(1 / 0.3), within(1e-12));
    }
}
