package io.zerotrust.keycloak.risk.device;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserAgentInfoTest {

    static final String FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
    static final String CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
    static final String SAFARI_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";
    static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1";

    @Test
    void parsesBrowserOsAndDevice() {
        UserAgentInfo info = UserAgentInfo.parse(FIREFOX_WINDOWS, Map.of());

        assertThat(info.browserFamily()).isEqualTo("Firefox");
        assertThat(info.browserVersion().major()).isEqualTo(128);
        assertThat(info.browserVersion().minor()).isZero();
        assertThat(info.osFamily()).isEqualTo("Windows");
        assertThat(info.osVersion()).hasToString("10");
    }

    @Test
    void parsesMobileSafari() {
        UserAgentInfo info = UserAgentInfo.parse(SAFARI_IPHONE, null);

        assertThat(info.browserFamily()).isEqualTo("Mobile Safari");
        assertThat(info.browserVersion()).hasToString("16.6");
        assertThat(info.osFamily()).isEqualTo("iOS");
        assertThat(info.osVersion().major()).isEqualTo(16);
        assertThat(info.deviceFamily()).isEqualTo("iPhone");
    }

    @Test
    void unknownOrMissingGivesNulls() {
        assertThat(UserAgentInfo.parse(null, Map.of())).isEqualTo(UserAgentInfo.unknown());
        assertThat(UserAgentInfo.parse("  ", Map.of())).isEqualTo(UserAgentInfo.unknown());
        UserAgentInfo curl = UserAgentInfo.parse("zz-unknown-agent", Map.of());
        assertThat(curl.osFamily()).isNull();
        assertThat(curl.deviceFamily()).isNull();
    }

    @Test
    void hugeUserAgentIsBoundedNotRejected() {
        UserAgentInfo info = UserAgentInfo.parse(FIREFOX_WINDOWS + " " + "x".repeat(1_000_000), Map.of());
        assertThat(info.browserFamily()).isEqualTo("Firefox");
    }

    @Test
    void clientHintsRefineVersions() {
        Map<String, String> hints = Map.of(
                "sec-ch-ua-platform", "\"Windows\"",
                "sec-ch-ua-platform-version", "\"15.0.0\"",
                "sec-ch-ua-full-version-list", "\"Not_A Brand\";v=\"8.0.0.0\", \"Chromium\";v=\"120.0.6099.109\", \"Google Chrome\";v=\"120.0.6099.109\"");

        UserAgentInfo info = UserAgentInfo.parse(CHROME_WINDOWS, hints);

        assertThat(info.browserFamily()).isEqualTo("Chrome");
        assertThat(info.browserVersion()).hasToString("120.0.6099.109");
        assertThat(info.osFamily()).isEqualTo("Windows");
        assertThat(info.osVersion()).hasToString("11");
    }

    @Test
    void windowsTenFromPlatformVersionBelowThirteen() {
        UserAgentInfo info = UserAgentInfo.parse(CHROME_WINDOWS, Map.of("sec-ch-ua-platform", "\"Windows\"", "sec-ch-ua-platform-version", "\"10.0.0\""));
        assertThat(info.osVersion()).hasToString("10");
    }

    @Test
    void macOsHintMapsToUapFamily() {
        String chromeMac = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36";
        UserAgentInfo info = UserAgentInfo.parse(chromeMac, Map.of("sec-ch-ua-platform", "\"macOS\"", "sec-ch-ua-platform-version", "\"14.2.1\""));

        assertThat(info.osFamily()).isEqualTo("Mac OS X");
        assertThat(info.osVersion()).hasToString("14.2.1");
    }

    @Test
    void contradictingHintsAreIgnored() {
        UserAgentInfo info = UserAgentInfo.parse(FIREFOX_WINDOWS, Map.of(
                "sec-ch-ua-platform", "\"Android\"", "sec-ch-ua-platform-version", "\"14.0.0\"",
                "sec-ch-ua-full-version-list", "\"Google Chrome\";v=\"999.0\""));

        assertThat(info.browserVersion().major()).isEqualTo(128);
        assertThat(info.osVersion()).hasToString("10");
    }

    @Test
    void safariOnMacReportsFrozenOsVersion() {
        UserAgentInfo info = UserAgentInfo.parse(SAFARI_MAC, Map.of());
        assertThat(info.browserFamily()).isEqualTo("Safari");
        assertThat(info.browserVersion()).hasToString("17.4");
        assertThat(info.osFamily()).isEqualTo("Mac OS X");
    }

    @Test
    void versionNumbersCompareNumerically() {
        assertThat(VersionNumber.parse("13").compareTo(VersionNumber.parse("13.0.0"))).isZero();
        assertThat(VersionNumber.parse("9.9").isOlderThan(VersionNumber.parse("10"))).isTrue();
        assertThat(VersionNumber.parse("120.0.6099").isOlderThan(VersionNumber.parse("120.1"))).isTrue();
        assertThat(VersionNumber.parse("17.2b")).hasToString("17.2");
        assertThat(VersionNumber.parse("beta")).isNull();
        assertThat(VersionNumber.parse("99999999999999999")).isNotNull();
        assertThat(VersionNumber.of("16", "6", null)).hasToString("16.6");
        assertThat(VersionNumber.of((String) null)).isNull();
    }
}
