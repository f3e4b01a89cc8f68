package io.zerotrust.keycloak.authn.otp;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RiskNoticeTest {

    private static RiskNoticeLine line(String code, String... parameters) {
        return new RiskNoticeLine("ztReason_" + code, List.of(parameters));
    }

    @Test
    void explainsKnownReasonsStrongestFirstWithThePlace() {
        List<RiskNoticeLine> lines = RiskNotice.lines("HIGH", "GEO_NEW_COUNTRY,GEO_NEW_CITY,DEVICE_UNKNOWN", "JP", "Tokyo", Locale.ENGLISH);
        assertThat(lines).containsExactly(line("GEO_NEW_COUNTRY", "Japan"), line("GEO_NEW_CITY", "Tokyo, Japan"),
                line("DEVICE_UNKNOWN"));
    }

    @Test
    void namesTheCountryInThePageLanguage() {
        assertThat(RiskNotice.lines("MEDIUM", "GEO_NEW_COUNTRY", "DE", null, Locale.GERMAN))
                .containsExactly(line("GEO_NEW_COUNTRY", "Deutschland"));
    }

    @Test
    void skipsReasonsThatLowerRiskOrAreNotExplained() {
        assertThat(RiskNotice.lines("MEDIUM", "GEO_KNOWN_COUNTRY,TIME_UNUSUAL_HOUR,GEO_UNAVAILABLE,DEVICE_KNOWN", "DE", null, Locale.ENGLISH))
                .containsExactly(line("TIME_UNUSUAL_HOUR"));
    }

    @Test
    void aHostingNetworkIsExplainedUnlessTheVpnLineSaysItAlready() {
        assertThat(RiskNotice.lines("MEDIUM", "GEO_HOSTING_PROVIDER,DEVICE_UNKNOWN", "US", "Ashburn", Locale.ENGLISH))
                .containsExactly(line("GEO_HOSTING_PROVIDER"), line("DEVICE_UNKNOWN"));
        assertThat(RiskNotice.lines("HIGH", "GEO_ANONYMOUS_VPN,GEO_HOSTING_PROVIDER", "US", "Ashburn", Locale.ENGLISH))
                .containsExactly(line("GEO_ANONYMOUS_VPN"));
    }

    @Test
    void showsAtMostThreeLines() {
        assertThat(RiskNotice.lines("HIGH", "IP_TOR_EXIT,GEO_TOR_EXIT,IMPOSSIBLE_TRAVEL,DEVICE_UNKNOWN,POSTURE_MISSING", null, null, Locale.ENGLISH))
                .hasSize(RiskNotice.MAX_LINES).first().isEqualTo(line("IP_TOR_EXIT"));
    }

    @Test
    void placeReasonsWithoutAPlaceAreLeftOut() {
        assertThat(RiskNotice.lines("HIGH", "GEO_NEW_COUNTRY,GEO_NEW_CITY,POSTURE_MISSING", null, null, Locale.ENGLISH))
                .containsExactly(line("POSTURE_MISSING"));
        assertThat(RiskNotice.lines("HIGH", "GEO_NEW_CITY", null, "Graz", Locale.ENGLISH))
                .containsExactly(line("GEO_NEW_CITY", "Graz"));
    }

    @Test
    void raisedLevelWithoutExplainedReasonSaysSomethingIsUnusual() {
        assertThat(RiskNotice.lines("HIGH", "GEO_UNAVAILABLE", null, null, Locale.ENGLISH))
                .containsExactly(new RiskNoticeLine(RiskNotice.UNKNOWN_REASON_KEY, List.of()));
        assertThat(RiskNotice.lines("MEDIUM", "", null, null, Locale.ENGLISH))
                .containsExactly(new RiskNoticeLine(RiskNotice.UNKNOWN_REASON_KEY, List.of()));
    }

    @Test
    void nothingForLowRiskOrWithoutAssessment() {
        assertThat(RiskNotice.lines("LOW", "DEVICE_UNKNOWN", null, null, Locale.ENGLISH)).isEmpty();
        assertThat(RiskNotice.lines(null, null, null, null, Locale.ENGLISH)).isEmpty();
        assertThat(RiskNotice.lines("garbage", "DEVICE_UNKNOWN", null, null, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void unreadableCountryCodeIsShownAsIs() {
        assertThat(RiskNotice.countryName("X1!", Locale.ENGLISH)).isEqualTo("X1!");
        assertThat(RiskNotice.countryName(" ", Locale.ENGLISH)).isNull();
    }
}
