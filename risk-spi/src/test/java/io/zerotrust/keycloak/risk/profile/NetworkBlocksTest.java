package io.zerotrust.keycloak.risk.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.zerotrust.keycloak.risk.geo.GeoLocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a profile learns address blocks per network, within its bounds, and reads profiles stored before them. */
class NetworkBlocksTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:15:00Z");

    private static GeoLocation asn(long asn) {
        return new GeoLocation("DE", "Germany", "Berlin", 52.52, 13.40, 20, asn, "AS" + asn, false, false, false, false);
    }

    private static UserRiskProfile learn(UserRiskProfile profile, Instant at, String ip, GeoLocation location) {
        return ProfileLearning.learn(profile, new LoginObservation(at, ip, location, null, null, null), ProfileLimits.DEFAULT);
    }

    @Test
    void countsBlocksPerNetworkAndNewBlocksAfterTheFirstSignIn() {
        UserRiskProfile profile = UserRiskProfile.empty();
        profile = learn(profile, NOW, "198.51.100.4", asn(3320));
        profile = learn(profile, NOW.plusSeconds(60), "198.51.100.9", asn(3320));
        profile = learn(profile, NOW.plusSeconds(120), "203.0.113.1", asn(3320));
        profile = learn(profile, NOW.plusSeconds(180), "192.0.2.1", asn(64500));

        NetworkBlocks home = profile.addressBlocks().get("3320");
        assertThat(home.blocks()).isEqualTo(Map.of("198.51.100.0/24", 2, "203.0.113.0/24", 1));
        assertThat(home.repeatLogins()).isEqualTo(2);
        assertThat(home.newBlocks()).isEqualTo(1);
        assertThat(home.total()).isEqualTo(3);
        assertThat(home.lastSeen()).isEqualTo(NOW.plusSeconds(120));
        assertThat(profile.addressBlocks().get("64500").blocks()).containsOnlyKeys("192.0.2.0/24");
    }

    @Test
    void noBlockWithoutAsnOrAddress() {
        UserRiskProfile profile = learn(UserRiskProfile.empty(), NOW, "198.51.100.4", null);
        profile = learn(profile, NOW, null, asn(3320));
        assertThat(profile.addressBlocks()).isEmpty();
        assertThat(profile.logins()).isEqualTo(2);
    }

    @Test
    void keepsTheNewestNetworksAndTheMostUsedBlocks() {
        UserRiskProfile profile = UserRiskProfile.empty();
        for (int i = 0; i < NetworkBlocks.MAX_NETWORKS + 3; i++) {
            profile = learn(profile, NOW.plusSeconds(i), "192.0.2.1", asn(64500 + i));
        }
        assertThat(profile.addressBlocks()).hasSize(NetworkBlocks.MAX_NETWORKS).doesNotContainKeys("64500", "64501", "64502");

        NetworkBlocks carrier = NetworkBlocks.first("10.0.0.0/24", NOW).learn("10.0.0.0/24", NOW);
        for (int i = 1; i <= NetworkBlocks.MAX_BLOCKS + 4; i++) {
            carrier = carrier.learn("10.0." + i + ".0/24", NOW.plusSeconds(i));
        }
        assertThat(carrier.blocks()).hasSize(NetworkBlocks.MAX_BLOCKS)
                .containsEntry("10.0.0.0/24", 2)
                .containsKey("10.0." + (NetworkBlocks.MAX_BLOCKS + 4) + ".0/24");
        assertThat(carrier.repeatLogins()).isEqualTo(NetworkBlocks.MAX_BLOCKS + 5);
        assertThat(carrier.newBlocks()).isEqualTo(NetworkBlocks.MAX_BLOCKS + 4);
    }

    @Test
    void networksNotSeenWithinRetentionAreForgotten() {
        ProfileLimits limits = new ProfileLimits(30, 60, 60, 20, Duration.ofDays(30));
        UserRiskProfile profile = ProfileLearning.learn(UserRiskProfile.empty(),
                new LoginObservation(NOW, "198.51.100.4", asn(3320), null, null, null), limits);
        profile = ProfileLearning.learn(profile,
                new LoginObservation(NOW.plus(Duration.ofDays(31)), "192.0.2.1", asn(64500), null, null, null), limits);
        assertThat(profile.addressBlocks()).containsOnlyKeys("64500");
    }

    @Test
    void blocksSurviveTheJsonFormAndAnOlderProfileReadsWithout() {
        UserRiskProfile learned = learn(learn(UserRiskProfile.empty(), NOW, "198.51.100.4", asn(3320)),
                NOW.plusSeconds(60), "203.0.113.1", asn(3320));
        assertThat(ProfileJson.read(ProfileJson.write(learned)).addressBlocks()).isEqualTo(learned.addressBlocks());

        // As a profile was stored before address blocks were learned
        String old = "{\"countries\":{\"DE\":\"2026-11-23T09:15:00Z\"},\"cities\":{},\"networks\":{\"3320\":\"2026-11-23T09:15:00Z\"},"
                + "\"devices\":{},\"last\":null,\"hourOfWeek\":[" + "0,".repeat(167) + "1],\"logins\":1,\"new\":false}";
        UserRiskProfile read = ProfileJson.read(old);
        assertThat(read.addressBlocks()).isEmpty();
        assertThat(read.networks()).containsOnlyKeys("3320");
        assertThat(learn(read, NOW.plusSeconds(120), "203.0.113.1", asn(3320)).addressBlocks().get("3320").blocks())
                .isEqualTo(Map.of("203.0.113.0/24", 1));
    }
}
