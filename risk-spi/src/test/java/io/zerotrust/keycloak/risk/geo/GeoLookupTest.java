package io.zerotrust.keycloak.risk.geo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GeoLookupTest {

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
