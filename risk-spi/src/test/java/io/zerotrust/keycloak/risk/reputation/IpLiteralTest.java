package io.zerotrust.keycloak.risk.reputation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IpLiteralTest {

    @Test
    void parsesIpv4() {
        assertThat(IpLiteral.parse("192.0.2.255")).containsExactly(192, 0, 2, 255);
        assertThat(IpLiteral.parse("0.0.0.0")).hasSize(4);
    }

    @Test
    void parsesIpv6InItsShortForms() {
        assertThat(IpLiteral.parse("2001:db8::1")).hasSize(16).endsWith(0, 1).startsWith(0x20, 0x01, 0x0d, 0xb8);
        assertThat(IpLiteral.parse("::")).hasSize(16).containsOnly(0);
        assertThat(IpLiteral.parse("::1")).endsWith(1);
        assertThat(IpLiteral.parse("fe80::")).startsWith(0xfe, 0x80);
        assertThat(IpLiteral.parse("1:2:3:4:5:6:7:8")).endsWith(0, 8);
        assertThat(IpLiteral.parse("64:ff9b::192.0.2.1")).hasSize(16).endsWith(192, 0, 2, 1);
    }

    @Test
    void ipv4MappedIpv6BecomesIpv4() {
        assertThat(IpLiteral.parse("::ffff:192.0.2.1")).containsExactly(192, 0, 2, 1);
        assertThat(IpLiteral.parse("::FFFF:c000:0201")).containsExactly(192, 0, 2, 1);
    }

    @Test
    void rejectsAnythingThatIsNotALiteralWithoutResolvingIt() {
        for (String bad : new String[] {"example.com", "localhost", "256.1.1.1", "1.2.3", "1.2.3.4.5", "010.0.0.1",
                "1.2.3.-4", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "::1.2.3", "1.2.3.4::",
                "g::1", "1:2:3:4:5:6:7::8", "", "١.١.١.١", ":::"}) {
            assertThat(IpLiteral.parse(bad)).as(bad).isNull();
        }
    }

    @Test
    void clientAddressesMayCarryBracketsAndZones() {
        assertThat(IpLiteral.parseClient("[2001:db8::1]")).hasSize(16);
        assertThat(IpLiteral.parseClient("fe80::1%eth0")).hasSize(16);
        assertThat(IpLiteral.parse("fe80::1%eth0")).isNull();
        assertThat(IpLiteral.parseClient(" 192.0.2.1 ")).hasSize(4);
    }
}
