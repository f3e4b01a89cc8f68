package io.zerotrust.keycloak.risk.travel;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskReason;
import io.zerotrust.keycloak.risk.geo.GeoLocation;
import io.zerotrust.keycloak.risk.profile.UserRiskProfile;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImpossibleTravelEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final GeoLocation TOKYO = new GeoLocation("JP", "Japan", "Tokyo", 35.6895, 139.6917, 50,
            null, null, false, false, false, false);

    private final ImpossibleTravelEvaluator evaluator = new ImpossibleTravelEvaluator(TravelSettings.defaults());

    private static UserRiskProfile lastLoginInBerlin(Duration ago, Integer radius) {
        UserRiskProfile.LastLogin last = new UserRiskProfile.LastLogin(NOW.minus(ago), "192.0.2.1", "DE", "Berlin",
                52.5200, 13.4050, radius, "Firefox", "Linux");
        return new UserRiskProfile(Map.of("DE", NOW.minus(ago)), Map.of(), Map.of(), Map.of(), last,
                new int[UserRiskProfile.HOURS_PER_WEEK], 5);
    }

    private static RiskContext context(GeoLocation here, UserRiskProfile profile) {
        return RiskContext.builder("demo", NOW).userId("u1").location(here).profile(profile).build();
    }

    @Test
    void berlinToTokyoInAnHourIsImpossible() {
        EvaluatorResult result = evaluator.evaluate(context(TOKYO, lastLoginInBerlin(Duration.ofHours(1), 20)));

        assertThat(result.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo("IMPOSSIBLE_TRAVEL");
            assertThat(reason.evaluator()).isEqualTo("impossible-travel");
            assertThat(reason.logOdds()).isEqualTo(5.0);
            // 8,916 km apart, 70 km of accuracy radii subtracted for the speed
            assertThat(reason.message()).isEqualTo("Impossible travel from Berlin, Germany to Tokyo, Japan: "
                    + "8,916 km in 1 h 0 min (at least 8,846 km/h)");
            assertThat(reason.attributes()).containsEntry("city", "Tokyo").containsEntry("country", "Japan")
                    .containsEntry("countryCode", "JP").containsEntry("fromCity", "Berlin")
                    .containsEntry("fromCountry", "Germany").containsEntry("distanceKm", "8916")
                    .containsEntry("speedKmh", "8846").containsEntry("elapsedMinutes", "60");
        });
    }

    @Test
    void aDayIsEnoughForAFlight() {
        EvaluatorResult result = evaluator.evaluate(context(TOKYO, lastLoginInBerlin(Duration.ofHours(12), 20)));

        assertThat(result.available()).isTrue();
        assertThat(result.reasons()).isEmpty();
    }

    @Test
    void accuracyRadiiAreSubtractedButNeverBelowZero() {
        // Potsdam is ~27 km from Berlin: within Berlin's 20 km + Potsdam's 10 km radii, so even at once it is fine
        GeoLocation potsdam = new GeoLocation("DE", "Germany", "Potsdam", 52.3906, 13.0645, 10, null, null,
                false, false, false, false);
        assertThat(evaluator.evaluate(context(potsdam, lastLoginInBerlin(Duration.ZERO, 20))).reasons()).isEmpty();

        // without radii the same 27 km in one minute is 1,600 km/h
        assertThat(evaluator.evaluate(context(potsdam, lastLoginInBerlin(Duration.ofMinutes(1), null))).reasons())
                .extracting(RiskReason::code).containsExactly("IMPOSSIBLE_TRAVEL");
    }

    @Test
    void zeroOrNegativeElapsedTimeWithDistanceIsImpossible() {
        for (Duration ago : new Duration[] {Duration.ZERO, Duration.ofMinutes(-5)}) {
            EvaluatorResult result = evaluator.evaluate(context(TOKYO, lastLoginInBerlin(ago, 20)));

            assertThat(result.reasons()).singleElement().satisfies(reason -> {
                assertThat(reason.message()).endsWith("8,916 km at the same time");
                assertThat(reason.attributes()).containsEntry("speedKmh", "infinite");
            });
        }
    }

    @Test
    void samePlaceAtOnceIsFine() {
        GeoLocation berlin = new GeoLocation("DE", "Germany", "Berlin", 52.5200, 13.4050, 20, null, null,
                false, false, false, false);

        assertThat(evaluator.evaluate(context(berlin, lastLoginInBerlin(Duration.ZERO, 20))).reasons()).isEmpty();
    }

    @Test
    void maxSpeedIsConfigurable() {
        ImpossibleTravelEvaluator strict = new ImpossibleTravelEvaluator(
                TravelSettings.parse(OptionReader.collecting(ImpossibleTravelEvaluator.ID, Map.of("max-speed-kmh", "500", "log-odds", "4"))));

        // 8,846 km in 12 h is 737 km/h: plausible by default, too fast at 500 km/h
        EvaluatorResult result = strict.evaluate(context(TOKYO, lastLoginInBerlin(Duration.ofHours(12), 20)));
        assertThat(result.reasons()).singleElement().satisfies(r -> assertThat(r.logOdds()).isEqualTo(4.0));
    }

    @Test
    void badOptionsFallBackToDefaults() {
        OptionReader reader = OptionReader.collecting(ImpossibleTravelEvaluator.ID, Map.of("max-speed-kmh", "-3", "log-odds", "high"));
        TravelSettings settings = TravelSettings.parse(reader);

        assertThat(settings.maxSpeedKmh()).isEqualTo(1000.0);
        assertThat(settings.logOdds()).isEqualTo(5.0);
        assertThat(reader.problems()).containsExactly(
                "option max-speed-kmh='-3' is invalid (expected a positive number); using the default '1000.0'",
                "option log-odds='high' is invalid (expected a finite number); using the default '5.0'");
    }

    private static GeoLocation tokyo(Integer radius, Long asn, boolean vpn, boolean hosting) {
        return new GeoLocation("JP", "Japan", "Tokyo", 35.6895, 139.6917, radius, asn, null, vpn, hosting, false, false);
    }

    @Test
    void aPreciseJourneyIsJudgedInFullAndCorrelatedWithTheOtherLocationReasons() {
        RiskReason reason = evaluator.evaluate(context(tokyo(50, 64500L, false, false),
                lastLoginInBerlin(Duration.ofHours(1), 20))).reasons().get(0);

        assertThat(reason.logOdds()).isEqualTo(5.0);
        assertThat(reason.attributes()).doesNotContainKey("geolocation");
        assertThat(reason.correlation()).isEqualTo(new RiskReason.Correlation("location", 0.5));
    }

    @Test
    void aHostingOrVpnExitIsJudgedWeaklyBecauseItIsLocatedWhereTheExitIs() {
        for (GeoLocation exit : new GeoLocation[] {tokyo(50, 64500L, true, true), tokyo(50, 64500L, false, true),
                new GeoLocation("JP", "Japan", "Tokyo", 35.6895, 139.6917, 50, null, null, false, false, true, false),
                new GeoLocation("JP", "Japan", "Tokyo", 35.6895, 139.6917, 50, null, null, false, false, false, true)}) {
            RiskReason reason = evaluator.evaluate(context(exit, lastLoginInBerlin(Duration.ofHours(1), 20)))
                    .reasons().get(0);

            assertThat(reason.code()).isEqualTo("IMPOSSIBLE_TRAVEL");
            assertThat(reason.logOdds()).isEqualTo(1.5);
            assertThat(reason.attributes()).containsEntry("geolocation", "imprecise");
            assertThat(reason.message()).endsWith("; judged weakly, the address is a hosting, VPN or proxy exit, "
                    + "located where the exit is");
        }
    }

    @Test
    void aListedMobileCarrierIsJudgedWeaklyAndOnlyThatOne() {
        ImpossibleTravelEvaluator carriers = new ImpossibleTravelEvaluator(TravelSettings.parse(OptionReader.collecting(
                ImpossibleTravelEvaluator.ID, Map.of("mobile-asns", "AS64510, 64511"))));

        RiskReason mobile = carriers.evaluate(context(tokyo(50, 64511L, false, false),
                lastLoginInBerlin(Duration.ofHours(1), 20))).reasons().get(0);
        assertThat(mobile.logOdds()).isEqualTo(1.5);
        assertThat(mobile.message()).endsWith("; judged weakly, the address is on mobile network AS64511, which "
                + "GeoIP places roughly");

        RiskReason fixed = carriers.evaluate(context(tokyo(50, 64500L, false, false),
                lastLoginInBerlin(Duration.ofHours(1), 20))).reasons().get(0);
        assertThat(fixed.logOdds()).isEqualTo(5.0);
    }

    @Test
    void aWideAccuracyRadiusAtEitherEndIsJudgedWeakly() {
        // Berlin -> Tokyo in an hour stays impossible with 500 + 20 km of radii subtracted
        RiskReason here = evaluator.evaluate(context(tokyo(500, null, false, false),
                lastLoginInBerlin(Duration.ofHours(1), 20))).reasons().get(0);
        assertThat(here.logOdds()).isEqualTo(1.5);
        assertThat(here.message()).endsWith("; judged weakly, the address is located only within 500 km");

        RiskReason last = evaluator.evaluate(context(tokyo(50, null, false, false),
                lastLoginInBerlin(Duration.ofHours(1), 1000))).reasons().get(0);
        assertThat(last.logOdds()).isEqualTo(1.5);
        assertThat(last.message()).endsWith("; judged weakly, the last sign-in was located only within 1000 km");

        RiskReason justBelow = evaluator.evaluate(context(tokyo(499, null, false, false),
                lastLoginInBerlin(Duration.ofHours(1), 20))).reasons().get(0);
        assertThat(justBelow.logOdds()).isEqualTo(5.0);
    }

    @Test
    void theJudgementRestsOnTheSignInsOwnAddressSoAnotherUsersVpnChangesNothing() {
        // one evaluator judging a VPN sign-in of one user, then a precise one of another: no state carries over
        evaluator.evaluate(context(tokyo(50, 64500L, true, true), lastLoginInBerlin(Duration.ofHours(1), 20)));
        RiskContext other = RiskContext.builder("demo", NOW).userId("u2").location(tokyo(50, 64500L, false, false))
                .profile(lastLoginInBerlin(Duration.ofHours(1), 20)).build();

        assertThat(evaluator.evaluate(other).reasons()).singleElement()
                .satisfies(r -> assertThat(r.logOdds()).isEqualTo(5.0));
    }

    @Test
    void calibrationOptionsAreReadAndBadValuesFallBackToDefaults() {
        OptionReader reader = OptionReader.collecting(ImpossibleTravelEvaluator.ID, Map.of(
                "imprecise-radius-km", "0", "imprecise-log-odds", "0.0", "correlated-share", "2",
                "mobile-asns", "3320 AS12430 carrier"));
        TravelSettings settings = TravelSettings.parse(reader);

        assertThat(settings.impreciseRadiusKm()).isEqualTo(500);
        assertThat(settings.impreciseLogOdds()).isEqualTo(0.0);
        assertThat(settings.correlatedShare()).isEqualTo(0.5);
        assertThat(settings.mobileAsns()).containsExactlyInAnyOrder(3320L, 12430L);
        assertThat(reader.problems()).hasSize(3).anySatisfy(p -> assertThat(p).isEqualTo(
                "option mobile-asns='carrier' is invalid (expected an AS number such as 64512 or AS64512); ignored"));
    }

    @Test
    void coldStartGivesNoEvidence() {
        assertThat(evaluator.evaluate(context(TOKYO, UserRiskProfile.empty()))).satisfies(result -> {
            assertThat(result.available()).isTrue();
            assertThat(result.reasons()).isEmpty();
        });
    }

    @Test
    void missingCoordinatesGiveNoEvidence() {
        UserRiskProfile.LastLogin noCoordinates = new UserRiskProfile.LastLogin(NOW.minusSeconds(60), "192.0.2.1",
                "DE", null, null, null, null, null, null);
        UserRiskProfile profile = new UserRiskProfile(Map.of(), Map.of(), Map.of(), Map.of(), noCoordinates,
                new int[UserRiskProfile.HOURS_PER_WEEK], 1);
        assertThat(evaluator.evaluate(context(TOKYO, profile)).reasons()).isEmpty();

        GeoLocation countryOnly = new GeoLocation("JP", "Japan", null, null, null, null, null, null,
                false, false, false, false);
        EvaluatorResult result = evaluator.evaluate(context(countryOnly, lastLoginInBerlin(Duration.ofMinutes(1), 20)));
        assertThat(result.available()).isTrue();
        assertThat(result.reasons()).isEmpty();
    }

    @Test
    void noLocationIsUnavailable() {
        String broken = "GeoIP city-database /data/city.mmdb is unusable: file not found";
        RiskContext context = RiskContext.builder("demo", NOW).locationProblem(broken)
                .profile(lastLoginInBerlin(Duration.ofHours(1), 20)).build();

        EvaluatorResult result = evaluator.evaluate(context);

        assertThat(result.available()).isFalse();
        assertThat(result.unavailableReason()).isEqualTo(broken);
    }

    @Test
    void geolocationTurnedOffOrAnInternalAddressGivesNoEvidence() {
        for (String problem : new String[] {"no GeoIP database configured", "address 10.1.2.3 is private"}) {
            RiskContext context = RiskContext.builder("demo", NOW).locationProblem(problem)
                    .profile(lastLoginInBerlin(Duration.ofHours(1), 20)).build();

            EvaluatorResult result = evaluator.evaluate(context);

            assertThat(result.available()).as(problem).isTrue();
            assertThat(result.reasons()).as(problem).isEmpty();
        }
    }

    @Test
    void durationsReadNaturally() {
        assertThat(ImpossibleTravelEvaluator.duration(Duration.ofMinutes(45))).isEqualTo("45 min");
        assertThat(ImpossibleTravelEvaluator.duration(Duration.ofMinutes(185))).isEqualTo("3 h 5 min");
        assertThat(ImpossibleTravelEvaluator.duration(Duration.ofHours(52))).isEqualTo("2 d 4 h");
    }
}
