package io.zerotrust.keycloak.bench.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.EnumSet;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.geo.GeoLocation;
import org.junit.jupiter.api.Test;

class SmoothedFrequenciesTest {

    private static final GeoLocation BROADBAND = place(1L);
    private static final GeoLocation CARRIER = place(3L);

    private static GeoLocation place(long asn) {
        return new GeoLocation("DE", "Germany", null, null, null, null, asn, null, false, false, false, false);
    }

    /** a: three sign-ins from one /24 of their broadband; b: three from three /24s of their carrier. */
    private static SmoothedFrequencies learned() {
        SmoothedFrequencies frequencies = new SmoothedFrequencies(EnumSet.of(SmoothedFrequencies.Feature.PREFIX));
        for (int i = 1; i <= 3; i++) {
            frequencies.learn("a", "192.0.2." + i, BROADBAND, null);
            frequencies.learn("b", "203.0." + (100 + i) + ".1", CARRIER, null);
        }
        return frequencies;
    }

    @Test
    void weighsANewBlockByTheUsersOwnRateOfNewBlocksOnThatNetwork() {
        SmoothedFrequencies frequencies = learned();

        // broadband: population rate (0 + 1) / (2 + 2) = 0.25, a's q = (0 + 2 * 0.25) / (2 + 2) = 0.125
        assertThat(frequencies.logOdds("a", "198.51.100.9", BROADBAND, null)).isCloseTo(Math.log(8), within(1e-9));
        // carrier: population rate (2 + 1) / (2 + 2) = 0.75, b's q = (2 + 2 * 0.75) / (2 + 2) = 0.875
        assertThat(frequencies.logOdds("b", "203.0.200.1", CARRIER, null)).isCloseTo(-Math.log(0.875), within(1e-9));
    }

    @Test
    void lowersTheRiskOfAKnownBlockAndSaysNothingOfANetworkNewToTheUser() {
        SmoothedFrequencies frequencies = learned();

        // p_pop = (3 + 1) / (3 + 1 + 1) = 0.8 against (1 - 0.125) * 3 / 3
        assertThat(frequencies.logOdds("a", "192.0.2.77", BROADBAND, null)).isCloseTo(Math.log(0.8 / 0.875), within(1e-9));
        assertThat(frequencies.logOdds("a", "203.0.101.1", CARRIER, null)).isZero();
        assertThat(frequencies.logOdds("nobody", "192.0.2.1", BROADBAND, null)).isZero();
    }

    @Test
    void takesTheSlash24OfIpv4AndTheSlash48OfIpv6() {
        assertThat(SmoothedFrequencies.prefix("192.0.2.200")).isEqualTo("v4:192.0.2");
        assertThat(SmoothedFrequencies.prefix("2001:db8:1:2::1")).isEqualTo("v6:32.1.13.184.0.1");
        assertThat(SmoothedFrequencies.prefix("not an address")).isNull();
    }

    @Test
    void evaluatorCapsTheReason() {
        FrequencyEvaluator evaluator = new FrequencyEvaluator(learned(), 2.0, 1.0);
        RiskContext context = RiskContext.builder("r", Instant.parse("2025-02-01T10:00:00Z"))
                .userId("a").clientIp("198.51.100.9").location(BROADBAND).build();

        EvaluatorResult result = evaluator.evaluate(context);

        assertThat(result.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(FrequencyEvaluator.CODE);
            assertThat(reason.logOdds()).isEqualTo(2.0);
        });
    }
}
