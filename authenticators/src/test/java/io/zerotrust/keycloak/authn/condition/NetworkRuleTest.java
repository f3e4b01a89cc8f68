package io.zerotrust.keycloak.authn.condition;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkRuleTest {

    @Test
    void noEntryMeansTheRefusalsByNetworkAlone() {
        NetworkRule rule = NetworkRule.read(List.of(), problem -> { throw new AssertionError(problem); });
        assertThat(rule.codes()).containsExactlyInAnyOrder("IP_DENY_LISTED", "IP_TOR_EXIT", "GEO_TOR_EXIT",
                "GEO_COUNTRY_DENIED", "GEO_COUNTRY_NOT_ALLOWED");
        assertThat(rule.matching(List.of("GEO_NEW_COUNTRY", "IP_TOR_EXIT", "GEO_TOR_EXIT"))).containsExactly("IP_TOR_EXIT", "GEO_TOR_EXIT");
        assertThat(rule.matching(List.of("GEO_ANONYMOUS_VPN", "GEO_HOSTING_PROVIDER"))).isEmpty();
    }

    @Test
    void entriesReplaceTheDefaultsAndBadOnesAreReported() {
        List<String> problems = new ArrayList<>();
        NetworkRule rule = NetworkRule.read(List.of("geo_anonymous_vpn, IP_DENY_LISTED", "bad-code"), problems::add);
        assertThat(rule.codes()).containsExactlyInAnyOrder("GEO_ANONYMOUS_VPN", "IP_DENY_LISTED");
        assertThat(problems).singleElement().asString().contains("bad-code");
        assertThat(rule.matching(List.of("IP_TOR_EXIT"))).isEmpty();
    }

    @Test
    void failuresFromTheSourceAreReadOnlyWhenTheirReasonsAreConfigured() {
        assertThat(NetworkRule.read(List.of(), p -> { }).needsSourceFailures()).isFalse();
        assertThat(NetworkRule.read(List.of("IP_TOR_EXIT", "PASSWORD_SPRAY_IP"), p -> { }).needsSourceFailures()).isTrue();
    }
}
