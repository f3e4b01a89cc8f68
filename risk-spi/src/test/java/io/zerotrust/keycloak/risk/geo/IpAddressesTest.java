package io.zerotrust.keycloak.risk.geo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IpAddressesTest {

    @Test
    void parsesLiteralsOnly() {
        assertThat(IpAddresses.parse("192.0.2.1")).isNotNull();
        assertThat(IpAddresses.parse(" 2001:db8::1 ")).isNotNull();
        assertThat(IpAddresses.parse("[2001:db8::1]")).isNotNull();
        assertThat(IpAddresses.parse("fe80::1%eth0")).isNotNull();
        assertThat(IpAddresses.parse("localhost")).isNull();
        assertThat(IpAddresses.parse("256.1.1.1")).isNull();
        assertThat(IpAddresses.parse("1.2.3")).isNull();
        assertThat(IpAddresses.parse("")).isNull();
        assertThat(IpAddresses.parse(null)).isNull();
    }

    @Test
    void classifiesInternalAddresses() {
        assertThat(IpAddresses.internalKind(IpAddresses.parse("192.168.1.1"))).isEqualTo("private");
        assertThat(IpAddresses.internalKind(IpAddresses.parse("172.16.0.1"))).isEqualTo("private");
        assertThat(IpAddresses.internalKind(IpAddresses.parse("169.254.1.1"))).isEqualTo("link-local");
        assertThat(IpAddresses.internalKind(IpAddresses.parse("0.0.0.0"))).isEqualTo("unspecified");
        assertThat(IpAddresses.internalKind(IpAddresses.parse("100.127.255.255")))
                .isEqualTo("shared (carrier-grade NAT)");
        assertThat(IpAddresses.internalKind(IpAddresses.parse("100.128.0.1"))).isNull();
        assertThat(IpAddresses.internalKind(IpAddresses.parse("8.8.8.8"))).isNull();
        assertThat(IpAddresses.internalKind(IpAddresses.parse("2001:db8::1"))).isNull();
    }

    @Test
    void internalAddressProblemsAreRecognisedByTheirWording() {
        assertThat(GeoLookup.isInternalAddressProblem(GeoLookup.internalAddress("10.0.0.1", "private").problem()))
                .isTrue();
        assertThat(GeoLookup.isInternalAddressProblem(
                GeoLookup.internalAddress("100.64.0.1", "shared (carrier-grade NAT)").problem())).isTrue();
        assertThat(GeoLookup.isInternalAddressProblem("no GeoIP database configured")).isFalse();
        assertThat(GeoLookup.isInternalAddressProblem(null)).isFalse();
    }
}
