package io.zerotrust.keycloak.risk.block;

import java.time.Instant;
import java.util.Map;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskReason;
import io.zerotrust.keycloak.risk.geo.GeoLocation;
import io.zerotrust.keycloak.risk.profile.NetworkBlocks;
import io.zerotrust.keycloak.risk.profile.UserRiskProfile;
import io.zerotrust.keycloak.risk.spi.MapScope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BlockEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:15:00Z");
    private static final GeoLocation TELEKOM = new GeoLocation("DE", "Germany", "Berlin", 52.52, 13.40, 20, 3320L,
            "Deutsche Telekom", false, false, false, false);
    private static final UserRiskProfile PROFILE = new UserRiskProfile(Map.of(), Map.of(), Map.of("3320", NOW), Map.of(),
            null, new int[UserRiskProfile.HOURS_PER_WEEK], 10, Map.of("3320", BlockLikelihoodTest.HOME));

    private static EvaluatorResult evaluate(BlockEvaluator evaluator, String ip, GeoLocation location, UserRiskProfile profile) {
        return evaluator.evaluate(RiskContext.builder("r", NOW).userId("u").clientIp(ip).location(location)
                .profile(profile).build());
    }

    private static EvaluatorResult evaluate(String ip, GeoLocation location, UserRiskProfile profile) {
        return evaluate(new BlockEvaluator(BlockSettings.defaults()), ip, location, profile);
    }

    @Test
    void anotherBlockOfAKnownNetworkIsUnusual() {
        EvaluatorResult result = evaluate("192.0.2.77", TELEKOM, PROFILE);

        assertThat(result.reasons()).hasSize(1);
        RiskReason reason = result.reasons().get(0);
        assertThat(reason.code()).isEqualTo(BlockEvaluator.UNUSUAL_BLOCK);
        assertThat(reason.evaluator()).isEqualTo("address-block");
        assertThat(reason.logOdds()).isCloseTo(Math.log(13 / 2.2), within(1e-12));
        assertThat(reason.message()).isEqualTo(
                "Sign-in from 192.0.2.0/24, an address block this user never used in AS3320 (10 past sign-ins there)");
        assertThat(reason.attributes()).containsEntry("asn", "3320").containsEntry("block", "192.0.2.0/24")
                .containsEntry("blockLogins", "0").containsEntry("networkLogins", "10").containsEntry("newBlockRate", "0.17");
        assertThat(reason.correlation()).isNull();
    }

    @Test
    void theUsualBlockReassuresUpToItsCap() {
        RiskReason reason = evaluate("198.51.100.3", TELEKOM, PROFILE).reasons().get(0);
        assertThat(reason.code()).isEqualTo(BlockEvaluator.USUAL_BLOCK);
        assertThat(reason.logOdds()).isEqualTo(-1.0);
        assertThat(reason.message()).isEqualTo("Sign-in from 198.51.100.0/24, used in 9 of this user's 10 past sign-ins in AS3320");
    }

    @Test
    void aBlockUsedOnceDoesNotReassureYet() {
        // 203.0.113.0/24 was used once: log(0.01 / ((1 - q) 0.1)) < 0, but one sign-in is no habit
        assertThat(evaluate("203.0.113.5", TELEKOM, PROFILE).reasons()).isEmpty();
        UserRiskProfile once = new UserRiskProfile(Map.of(), Map.of(), Map.of(), Map.of(), null,
                new int[UserRiskProfile.HOURS_PER_WEEK], 1, Map.of("3320", NetworkBlocks.first("198.51.100.0/24", NOW)));
        assertThat(evaluate("198.51.100.3", TELEKOM, once).reasons()).isEmpty();
        assertThat(evaluate("192.0.2.1", TELEKOM, once).reasons()).extracting(RiskReason::code)
                .containsExactly(BlockEvaluator.UNUSUAL_BLOCK);
    }

    @Test
    void evidenceIsCappedAndACapOfZeroSaysNothing() {
        UserRiskProfile steady = new UserRiskProfile(Map.of(), Map.of(), Map.of(), Map.of(), null,
                new int[UserRiskProfile.HOURS_PER_WEEK], 100,
                Map.of("3320", new NetworkBlocks(NOW, Map.of("198.51.100.0/24", 100), 99, 0)));
        // q = 1.2 / 103: log(1/q) = 4.45, capped at 2
        assertThat(evaluate("192.0.2.1", TELEKOM, steady).reasons().get(0).logOdds()).isEqualTo(2.0);
        BlockEvaluator silent = new BlockEvaluator(new BlockSettings(0.0, 0.0, 0.3, 4.0));
        assertThat(evaluate(silent, "192.0.2.1", TELEKOM, steady).reasons()).isEmpty();
        assertThat(evaluate(silent, "198.51.100.1", TELEKOM, steady).reasons()).isEmpty();
    }

    @Test
    void saysNothingWithoutAKnownNetworkAnAddressOrAnAsn() {
        GeoLocation otherNetwork = new GeoLocation("DE", "Germany", "Berlin", 52.52, 13.40, 20, 64500L, "Other",
                false, false, false, false);
        GeoLocation noAsn = new GeoLocation("DE", "Germany", "Berlin", 52.52, 13.40, 20, null, null,
                false, false, false, false);
        assertThat(evaluate("192.0.2.1", otherNetwork, PROFILE).reasons()).isEmpty();
        assertThat(evaluate("192.0.2.1", noAsn, PROFILE).reasons()).isEmpty();
        assertThat(evaluate("192.0.2.1", null, PROFILE).reasons()).isEmpty();
        assertThat(evaluate(null, TELEKOM, PROFILE).reasons()).isEmpty();
        assertThat(evaluate("192.0.2.1", TELEKOM, UserRiskProfile.empty()).reasons()).isEmpty();
    }

    @Test
    void factoryReadsItsOptionsAndReplacesABadValueByTheDefault() {
        BlockEvaluatorFactory factory = new BlockEvaluatorFactory();
        factory.init(new MapScope(Map.of(BlockEvaluatorFactory.MAX_LOG_ODDS, "3.5",
                BlockEvaluatorFactory.NEW_BLOCK_RATE, "1.5", BlockEvaluatorFactory.PRIOR_LOGINS, "2")));
        assertThat(factory.getId()).isEqualTo("address-block");
        assertThat(factory.evaluator().settings())
                .isEqualTo(new BlockSettings(3.5, 1.0, BlockSettings.DEFAULT_NEW_BLOCK_RATE, 2.0));
        assertThat(factory.realmOptionProblems(Map.of(BlockEvaluatorFactory.MAX_REASSURANCE, "-1"))).hasSize(1);
        assertThat(factory.realmOptions()).extracting(p -> p.getName())
                .containsExactly("max-log-odds", "max-reassurance", "new-block-rate", "prior-logins");
        assertThat(factory.getConfigMetadata()).allSatisfy(p -> assertThat(p.getHelpText()).isNotBlank());
        assertThat(factory.create(null).id()).isEqualTo("address-block");
    }
}
