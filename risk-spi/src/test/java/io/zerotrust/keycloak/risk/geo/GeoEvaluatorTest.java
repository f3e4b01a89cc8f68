package io.zerotrust.keycloak.risk.geo;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskReason;
import io.zerotrust.keycloak.risk.profile.UserRiskProfile;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GeoEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant EARLIER = NOW.minusSeconds(86_400);

    private static final GeoLocation TOKYO = new GeoLocation("JP", "Japan", "Tokyo", 35.68, 139.69, 50,
            64501L, "Example Cloud", false, false, false, false);
    private static final GeoLocation BERLIN = new GeoLocation("DE", "Germany", "Berlin", 52.52, 13.40, 20,
            64500L, "Example Telecom", false, false, false, false);

    /** A user who signed in from Berlin on network 64500 before. */
    private static final UserRiskProfile BERLIN_USER = new UserRiskProfile(Map.of("DE", EARLIER),
            Map.of("DE/Berlin", EARLIER), Map.of("64500", EARLIER), Map.of(), null,
            new int[UserRiskProfile.HOURS_PER_WEEK], 12);

    private final GeoEvaluator defaults = new GeoEvaluator(GeoSettings.defaults());

    private static RiskContext context(GeoLocation location, UserRiskProfile profile) {
        return RiskContext.builder("demo", NOW).userId("u1").clientIp("192.0.2.1").location(location)
                .profile(profile).build();
    }

    private static RiskContext noLocation(String problem) {
        return RiskContext.builder("demo", NOW).userId("u1").clientIp("10.0.0.1").locationProblem(problem).build();
    }

    private static List<String> codes(EvaluatorResult result) {
        return result.reasons().stream().map(RiskReason::code).toList();
    }

    private static RiskReason only(EvaluatorResult result, String code) {
        return result.reasons().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    private static GeoSettings settings(Map<String, String> options) {
        return GeoSettings.parse(OptionReader.collecting(GeoEvaluator.ID, options::get));
    }

    @Test
    void newCountryIsNamedInPlainEnglish() {
        EvaluatorResult result = defaults.evaluate(context(TOKYO, BERLIN_USER));

        assertThat(codes(result)).containsExactly("GEO_NEW_COUNTRY", "GEO_NEW_NETWORK");
        RiskReason reason = only(result, "GEO_NEW_COUNTRY");
        assertThat(reason.evaluator()).isEqualTo("geo");
        assertThat(reason.logOdds()).isEqualTo(2.0);
        assertThat(reason.message()).isEqualTo("Sign-in from a new country: Japan");
        assertThat(reason.attributes()).containsEntry("country", "Japan").containsEntry("countryCode", "JP")
                .containsEntry("city", "Tokyo");
    }

    @Test
    void newCityInAKnownCountry() {
        GeoLocation munich = new GeoLocation("DE", "Germany", "Munich", 48.14, 11.58, 20, 64500L, null,
                false, false, false, false);

        EvaluatorResult result = defaults.evaluate(context(munich, BERLIN_USER));

        assertThat(codes(result)).containsExactly("GEO_NEW_CITY", "GEO_KNOWN_COUNTRY", "GEO_KNOWN_NETWORK");
        assertThat(only(result, "GEO_NEW_CITY").message()).isEqualTo("Sign-in from a new city: Munich, Germany");
        assertThat(only(result, "GEO_NEW_CITY").logOdds()).isEqualTo(0.7);
        assertThat(only(result, "GEO_KNOWN_COUNTRY").logOdds()).isNegative();
    }

    @Test
    void newNetworkInAKnownCity() {
        GeoLocation otherIsp = new GeoLocation("DE", "Germany", "Berlin", 52.52, 13.40, 20, 3320L, "Deutsche Telekom",
                false, false, false, false);

        EvaluatorResult result = defaults.evaluate(context(otherIsp, BERLIN_USER));

        assertThat(codes(result)).containsExactly("GEO_KNOWN_CITY", "GEO_NEW_NETWORK");
        assertThat(only(result, "GEO_NEW_NETWORK").message())
                .isEqualTo("Sign-in from a new network: AS3320 Deutsche Telekom (Berlin, Germany)");
        assertThat(only(result, "GEO_NEW_NETWORK").attributes()).containsEntry("asn", "3320");
    }

    @Test
    void familiarPlaceAndNetworkLowerTheRisk() {
        EvaluatorResult result = defaults.evaluate(context(BERLIN, BERLIN_USER));

        assertThat(codes(result)).containsExactly("GEO_KNOWN_CITY", "GEO_KNOWN_NETWORK");
        assertThat(result.reasons()).allSatisfy(r -> assertThat(r.logOdds()).isNegative());
    }

    @Test
    void coldStartGivesNoNoveltyEvidence() {
        EvaluatorResult result = defaults.evaluate(context(TOKYO, UserRiskProfile.empty()));

        assertThat(result.available()).isTrue();
        assertThat(result.reasons()).isEmpty();
    }

    @Test
    void denyListIsStrongEvenOnColdStart() {
        GeoEvaluator evaluator = new GeoEvaluator(settings(Map.of("deny-countries", "kp, JP")));

        EvaluatorResult result = evaluator.evaluate(context(TOKYO, UserRiskProfile.empty()));

        assertThat(codes(result)).containsExactly("GEO_COUNTRY_DENIED");
        assertThat(only(result, "GEO_COUNTRY_DENIED").logOdds()).isEqualTo(6.0);
        assertThat(only(result, "GEO_COUNTRY_DENIED").message())
                .isEqualTo("Sign-in from a country on the deny list: Japan");
    }

    @Test
    void allowListFlagsOtherAndUnknownCountries() {
        GeoEvaluator evaluator = new GeoEvaluator(settings(Map.of("allow-countries", "DE,AT,CH")));

        assertThat(codes(evaluator.evaluate(context(BERLIN, UserRiskProfile.empty())))).isEmpty();
        EvaluatorResult tokyo = evaluator.evaluate(context(TOKYO, UserRiskProfile.empty()));
        assertThat(codes(tokyo)).containsExactly("GEO_COUNTRY_NOT_ALLOWED");
        assertThat(only(tokyo, "GEO_COUNTRY_NOT_ALLOWED").logOdds()).isEqualTo(5.0);
        assertThat(only(tokyo, "GEO_COUNTRY_NOT_ALLOWED").message())
                .isEqualTo("Sign-in from a country not on the allow list: Japan");

        GeoLocation networkOnly = new GeoLocation(null, null, null, null, null, null, 64501L, "Example Cloud",
                false, false, false, false);
        assertThat(codes(evaluator.evaluate(context(networkOnly, UserRiskProfile.empty()))))
                .containsExactly("GEO_COUNTRY_NOT_ALLOWED");
    }

    @Test
    void anonymousVpn() {
        EvaluatorResult result = defaults.evaluate(context(flags(true, false, false, false), UserRiskProfile.empty()));

        assertThat(codes(result)).containsExactly("GEO_ANONYMOUS_VPN");
        assertThat(only(result, "GEO_ANONYMOUS_VPN").message())
                .isEqualTo("Sign-in through an anonymous VPN (AS64501 Example Cloud, Tokyo, Japan)");
    }

    @Test
    void hostingProvider() {
        EvaluatorResult result = defaults.evaluate(context(flags(false, true, false, false), UserRiskProfile.empty()));

        assertThat(codes(result)).containsExactly("GEO_HOSTING_PROVIDER");
        assertThat(only(result, "GEO_HOSTING_PROVIDER").logOdds()).isEqualTo(1.5);
        assertThat(only(result, "GEO_HOSTING_PROVIDER").message()).isEqualTo("Sign-in from a hosting or cloud provider "
                + "network (AS64501 Example Cloud, Tokyo, Japan; per the Anonymous-IP database)");
        assertThat(only(result, "GEO_HOSTING_PROVIDER").attributes()).containsEntry("hosting", "anonymous-ip-database");
    }

    @Test
    void hostingByTheAsnListSaysSo() {
        GeoLocation listed = new GeoLocation("JP", "Japan", "Tokyo", 35.68, 139.69, 50, 64501L, "Example Cloud", false,
                true, false, false, HostingSource.ASN_LIST);
        EvaluatorResult result = defaults.evaluate(context(listed, UserRiskProfile.empty()));

        assertThat(only(result, "GEO_HOSTING_PROVIDER").logOdds()).isEqualTo(1.5);
        assertThat(only(result, "GEO_HOSTING_PROVIDER").message()).isEqualTo("Sign-in from a hosting or cloud provider "
                + "network (AS64501 Example Cloud, Tokyo, Japan; its network is on the hosting-ASN list)");
        assertThat(only(result, "GEO_HOSTING_PROVIDER").attributes()).containsEntry("hosting", "asn-list");
    }

    @Test
    void correlatedAnonymityFlagsCountOnceAtTheStrongest() {
        EvaluatorResult result = defaults.evaluate(context(flags(true, true, false, false), UserRiskProfile.empty()));

        assertThat(codes(result)).containsExactlyInAnyOrder("GEO_ANONYMOUS_VPN", "GEO_HOSTING_PROVIDER");
        assertThat(only(result, "GEO_ANONYMOUS_VPN").logOdds()).isEqualTo(2.0);
        assertThat(only(result, "GEO_HOSTING_PROVIDER").logOdds()).isZero();
    }

    @Test
    void torExit() {
        EvaluatorResult result = defaults.evaluate(context(flags(false, false, true, false), UserRiskProfile.empty()));

        assertThat(codes(result)).containsExactly("GEO_TOR_EXIT");
        assertThat(only(result, "GEO_TOR_EXIT").message()).startsWith("Sign-in through the Tor network");
    }

    @Test
    void publicProxy() {
        EvaluatorResult result = defaults.evaluate(context(flags(false, false, false, true), UserRiskProfile.empty()));

        assertThat(codes(result)).containsExactly("GEO_PUBLIC_PROXY");
    }

    private static GeoLocation flags(boolean vpn, boolean hosting, boolean tor, boolean proxy) {
        return new GeoLocation("JP", "Japan", "Tokyo", 35.68, 139.69, 50, 64501L, "Example Cloud", vpn, hosting, tor,
                proxy);
    }

    @Test
    void noLocationMakesTheSignalUnavailableWithTheLookupProblem() {
        String broken = "GeoIP city-database /data/city.mmdb is unusable: not a MaxMind DB";
        EvaluatorResult result = defaults.evaluate(noLocation(broken));

        assertThat(result.available()).isFalse();
        assertThat(result.unavailableReason()).isEqualTo(broken);
        assertThat(defaults.evaluate(noLocation(null)).unavailableReason()).isEqualTo("no location for the client address");
    }

    @Test
    void noDatabaseConfiguredMeansGeolocationIsOffNotFailed() {
        EvaluatorResult result = defaults.evaluate(noLocation("no GeoIP database configured"));

        assertThat(result.available()).isTrue();
        assertThat(result.reasons()).isEmpty();
    }

    @Test
    void internalAddressGivesNoEvidenceUnlessConfiguredOtherwise() {
        String problem = GeoLookup.internalAddress("10.0.0.1", "private").problem();

        EvaluatorResult byDefault = defaults.evaluate(noLocation(problem));
        assertThat(byDefault.available()).isTrue();
        assertThat(byDefault.reasons()).isEmpty();

        GeoEvaluator strict = new GeoEvaluator(settings(Map.of("internal-addresses", "unavailable")));
        assertThat(strict.evaluate(noLocation(problem)).unavailableReason()).isEqualTo("address 10.0.0.1 is private");
    }

    @Test
    void logOddsAreConfigurableAndTyposFallBackToDefaults() {
        Map<String, String> options = new HashMap<>();
        options.put("new-country-log-odds", "3.5");
        options.put("tor-exit-log-odds", "lots");
        options.put("deny-countries", "JP,Japan");
        options.put("internal-addresses", "maybe");
        OptionReader reader = OptionReader.collecting(GeoEvaluator.ID, options::get);
        GeoSettings settings = GeoSettings.parse(reader);

        assertThat(settings.logOdds(GeoRule.NEW_COUNTRY)).isEqualTo(3.5);
        assertThat(settings.logOdds(GeoRule.TOR_EXIT)).isEqualTo(3.0);
        assertThat(settings.denyCountries()).containsExactly("JP");
        assertThat(settings.internalAddressUnavailable()).isFalse();
        assertThat(reader.problems()).containsExactlyInAnyOrder(
                "option tor-exit-log-odds='lots' is invalid (expected a finite number); using the default '3.0'",
                "option deny-countries='Japan' is invalid (expected an ISO 3166-1 alpha-2 code); ignored",
                "option internal-addresses='maybe' is invalid (expected one of no-evidence, unavailable); using the default 'no-evidence'");
        assertThat(only(new GeoEvaluator(settings).evaluate(context(TOKYO, BERLIN_USER)), "GEO_NEW_COUNTRY").logOdds())
                .isEqualTo(3.5);
    }

    @Test
    void somewhereNewIsOneCorrelatedGroupAndReassuranceIsNot() {
        GeoLocation munichNewIsp = new GeoLocation("DE", "Germany", "Munich", 48.14, 11.58, 20, 3320L, null,
                false, false, false, false);
        EvaluatorResult result = defaults.evaluate(context(munichNewIsp, BERLIN_USER));

        RiskReason.Correlation location = new RiskReason.Correlation(LocationEvidence.GROUP, 0.5);
        assertThat(only(result, "GEO_NEW_CITY").correlation()).isEqualTo(location);
        assertThat(only(result, "GEO_NEW_NETWORK").correlation()).isEqualTo(location);
        assertThat(only(result, "GEO_KNOWN_COUNTRY").correlation()).isNull();
        assertThat(only(defaults.evaluate(context(TOKYO, BERLIN_USER)), "GEO_NEW_COUNTRY").correlation())
                .isEqualTo(location);
        GeoLocation vpn = new GeoLocation("DE", "Germany", "Berlin", 52.52, 13.40, 20, 64500L, null,
                true, true, false, false);
        assertThat(defaults.evaluate(context(vpn, BERLIN_USER)).reasons()).filteredOn(r -> r.code().contains("VPN"))
                .singleElement().satisfies(r -> assertThat(r.correlation()).isNull());
    }

    @Test
    void theCorrelatedShareIsAnOptionBetweenZeroAndOne() {
        assertThat(settings(Map.of("correlated-share", "0.25")).correlatedShare()).isEqualTo(0.25);
        OptionReader reader = OptionReader.collecting(GeoEvaluator.ID, Map.of("correlated-share", "1.5")::get);
        assertThat(GeoSettings.parse(reader).correlatedShare()).isEqualTo(0.5);
        assertThat(reader.problems()).singleElement().asString().startsWith("option correlated-share='1.5' is invalid");
        assertThat(new GeoEvaluatorFactory().getConfigMetadata()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo(GeoEvaluatorFactory.CORRELATED_SHARE);
            assertThat(p.getDefaultValue()).isEqualTo("0.5");
        });
    }

    @Test
    void reasonCodesAreStableAndUpperSnake() {
        for (GeoRule rule : GeoRule.values()) {
            assertThat(rule.code()).matches("GEO_[A-Z_]+");
            assertThat(rule.optionKey()).matches("[a-z-]+-log-odds");
        }
    }
}
