package io.zerotrust.keycloak.risk.reputation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CidrSetTest {

    @Test
    void matchesSingleAddressesAndIpv4Prefixes() {
        CidrSet set = CidrSet.of("192.0.2.7", "198.51.100.0/24", "10.0.0.0/8");

        assertThat(set.contains("192.0.2.7")).isTrue();
        assertThat(set.contains("192.0.2.8")).isFalse();
        assertThat(set.contains("198.51.100.0")).isTrue();
        assertThat(set.contains("198.51.100.255")).isTrue();
        assertThat(set.contains("198.51.101.0")).isFalse();
        assertThat(set.contains("10.255.255.255")).isTrue();
        assertThat(set.contains("11.0.0.0")).isFalse();
        assertThat(set.contains("9.255.255.255")).isFalse();
    }

    @Test
    void matchesIpv6PrefixesOnEveryBoundary() {
        CidrSet set = CidrSet.of("2001:db8::/32", "2001:db9:0:1::/64", "2a00::1", "fc00::/7", "2600::/65");

        assertThat(set.contains("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")).isTrue();
        assertThat(set.contains("2001:db9::")).isFalse();
        assertThat(set.contains("2001:db9:0:1:ffff::1")).isTrue();
        assertThat(set.contains("2001:db9:0:2::")).isFalse();
        assertThat(set.contains("2a00::1")).isTrue();
        assertThat(set.contains("2a00::2")).isFalse();
        assertThat(set.contains("fdff::1")).isTrue();        // high bit set: unsigned comparison
        assertThat(set.contains("fe00::1")).isFalse();
        assertThat(set.contains("2600::7fff:ffff:ffff:ffff")).isTrue();
        assertThat(set.contains("2600::8000:0:0:0")).isFalse();
    }

    @Test
    void familiesDoNotMixButMappedAddressesAreIpv4() {
        CidrSet set = CidrSet.of("0.0.0.0/0");

        assertThat(set.contains("203.0.113.1")).isTrue();
        assertThat(set.contains("::ffff:203.0.113.1")).isTrue();
        assertThat(set.contains("2001:db8::1")).isFalse();
        assertThat(CidrSet.of("::/0").contains("2001:db8::1")).isTrue();
        assertThat(CidrSet.of("::/0").contains("203.0.113.1")).isFalse();
    }

    @Test
    void overlappingAndNestedRangesAreMerged() {
        CidrSet set = CidrSet.of("10.0.0.0/8", "10.1.0.0/16", "10.0.0.5", "192.0.2.0/25", "192.0.2.64/26", "192.0.2.128/25");

        assertThat(set.ranges()).isEqualTo(3);
        assertThat(set.contains("10.1.2.3")).isTrue();
        assertThat(set.contains("192.0.2.200")).isTrue();
    }

    @Test
    void hostBitsBelowThePrefixAreIgnored() {
        assertThat(CidrSet.of("192.0.2.77/24").contains("192.0.2.1")).isTrue();
    }

    @Test
    void rejectsMalformedEntries() {
        assertThatThrownBy(() -> CidrSet.of("192.0.2.0/33")).hasMessageContaining("33");
        assertThatThrownBy(() -> CidrSet.of("2001:db8::/129")).hasMessageContaining("129");
        assertThatThrownBy(() -> CidrSet.of("192.0.2.0/")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> CidrSet.of("192.0.2.0/-1")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> CidrSet.of("example.com")).hasMessageContaining("not an IP address");
    }

    @Test
    void emptySetContainsNothing() {
        assertThat(CidrSet.empty().isEmpty()).isTrue();
        assertThat(CidrSet.empty().contains("192.0.2.1")).isFalse();
        assertThat(CidrSet.of("192.0.2.1").contains("not an ip")).isFalse();
    }
}
