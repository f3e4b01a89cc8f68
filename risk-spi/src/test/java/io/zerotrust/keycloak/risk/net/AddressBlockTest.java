package io.zerotrust.keycloak.risk.net;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressBlockTest {

    @Test
    void blockIsTheSlash24OrSlash48() {
        assertThat(AddressBlock.of("198.51.100.200")).isEqualTo("198.51.100.0/24");
        assertThat(AddressBlock.of("::ffff:198.51.100.7")).isEqualTo("198.51.100.0/24");
        assertThat(AddressBlock.of("2001:db8:1:2::1")).isEqualTo("2001:db8:1::/48");
        assertThat(AddressBlock.of("[2001:db8:abcd:12::9]")).isEqualTo("2001:db8:abcd::/48");
    }

    @Test
    void noBlockWithoutAnAddress() {
        assertThat(AddressBlock.of(null)).isNull();
        assertThat(AddressBlock.of("not an address")).isNull();
        assertThat(AddressBlock.of("example.org")).isNull();
    }
}
