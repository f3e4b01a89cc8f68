package io.zerotrust.keycloak.risk.net;

import java.net.Inet4Address;
import java.net.Inet6Address;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IpAddressTest {

    private static byte[] bytes(String text) {
        IpAddress address = IpAddress.parse(text);
        return address == null ? null : address.bytes();
    }

    private static String internalKind(String text) {
        return IpAddress.parseClient(text).internalKind();
    }

    @Test
    void parsesIpv4() {
        assertThat(bytes("192.0.2.255")).containsExactly(192, 0, 2, 255);
        assertThat(bytes("0.0.0.0")).hasSize(4);
        assertThat(IpAddress.parse("192.0.2.1").isIpv4()).isTrue();
    }

    @Test
    void parsesIpv6InItsShortForms() {
        assertThat(bytes("2001:db8::1")).hasSize(16).endsWith(0, 1).startsWith(0x20, 0x01, 0x0d, 0xb8);
        assertThat(bytes("::")).hasSize(16).containsOnly(0);
        assertThat(bytes("::1")).endsWith(1);
        assertThat(bytes("fe80::")).startsWith(0xfe, 0x80);
        assertThat(bytes("1:2:3:4:5:6:7:8")).endsWith(0, 8);
        assertThat(bytes("64:ff9b::192.0.2.1")).hasSize(16).endsWith(192, 0, 2, 1);
        assertThat(IpAddress.parse("2001:db8::1").isIpv4()).isFalse();
    }

    @Test
    void ipv4MappedIpv6BecomesIpv4() {
        assertThat(bytes("::ffff:192.0.2.1")).containsExactly(192, 0, 2, 1);
        assertThat(bytes("::FFFF:c000:0201")).containsExactly(192, 0, 2, 1);
        assertThat(IpAddress.parse("::ffff:192.0.2.1")).isEqualTo(IpAddress.parse("192.0.2.1"));
    }

    @Test
    void rejectsAnythingThatIsNotALiteralWithoutResolvingIt() {
        for (String bad : new String[] {"example.com", "localhost", "256.1.1.1", "1.2.3", "1.2.3.4.5", "010.0.0.1",
                "1.2.3.-4", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "::1.2.3", "1.2.3.4::",
                "g::1", "1:2:3:4:5:6:7::8", "", "١.١.١.١", ":::", null}) {
            assertThat(IpAddress.parse(bad)).as(bad).isNull();
            assertThat(IpAddress.parseClient(bad)).as("client " + bad).isNull();
        }
    }

    @Test
    void clientAddressesMayCarryBracketsSpacesAndZones() {
        assertThat(IpAddress.parseClient("[2001:db8::1]").bytes()).hasSize(16);
        assertThat(IpAddress.parseClient(" 2001:db8::1 ").bytes()).hasSize(16);
        assertThat(IpAddress.parseClient("fe80::1%eth0").bytes()).hasSize(16);
        assertThat(IpAddress.parse("fe80::1%eth0")).isNull();
        assertThat(IpAddress.parse("[2001:db8::1]")).isNull();
        assertThat(IpAddress.parseClient(" 192.0.2.1 ").bytes()).hasSize(4);
        assertThat(IpAddress.parseClient("192.0.2.1%eth0")).as("a zone only on IPv6").isNull();
        assertThat(IpAddress.parseClient("[]")).isNull();
    }

    @Test
    void classifiesInternalAddresses() {
        assertThat(internalKind("192.168.1.1")).isEqualTo("private");
        assertThat(internalKind("10.0.0.1")).isEqualTo("private");
        assertThat(internalKind("172.16.0.1")).isEqualTo("private");
        assertThat(internalKind("172.32.0.1")).isNull();
        assertThat(internalKind("fd12:3456::1")).isEqualTo("private");
        assertThat(internalKind("127.0.0.1")).isEqualTo("loopback");
        assertThat(internalKind("127.1.2.3")).isEqualTo("loopback");
        assertThat(internalKind("::1")).isEqualTo("loopback");
        assertThat(internalKind("169.254.1.1")).isEqualTo("link-local");
        assertThat(internalKind("fe80::1%eth0")).isEqualTo("link-local");
        assertThat(internalKind("0.0.0.0")).isEqualTo("unspecified");
        assertThat(internalKind("::")).isEqualTo("unspecified");
        assertThat(internalKind("224.0.0.1")).isEqualTo("multicast");
        assertThat(internalKind("100.127.255.255")).isEqualTo("shared (carrier-grade NAT)");
        assertThat(internalKind("100.128.0.1")).isNull();
        assertThat(internalKind("8.8.8.8")).isNull();
        assertThat(internalKind("2001:db8::1")).isNull();
        assertThat(internalKind("::ffff:10.0.0.1")).as("mapped spelling of a private address").isEqualTo("private");
    }

    @Test
    void loopbackIsEveryLoopbackSpelling() {
        assertThat(IpAddress.parseClient("127.0.0.1").isLoopback()).isTrue();
        assertThat(IpAddress.parseClient("[::1]").isLoopback()).isTrue();
        assertThat(IpAddress.parseClient("[0:0:0:0:0:0:0:1]").isLoopback()).isTrue();
        assertThat(IpAddress.parseClient("::ffff:127.0.0.1").isLoopback()).isTrue();
        assertThat(IpAddress.parseClient("192.0.2.1").isLoopback()).isFalse();
    }

    @Test
    void givesTheSameAddressAsAnInetAddressWithoutDns() {
        assertThat(IpAddress.parse("192.0.2.1").toInetAddress()).isInstanceOf(Inet4Address.class)
                .extracting(a -> a.getHostAddress()).isEqualTo("192.0.2.1");
        assertThat(IpAddress.parse("::ffff:192.0.2.1").toInetAddress()).isInstanceOf(Inet4Address.class);
        assertThat(IpAddress.parse("2001:db8::1").toInetAddress()).isInstanceOf(Inet6Address.class)
                .extracting(a -> a.getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void equalWhenTheBytesAre() {
        assertThat(IpAddress.parse("2001:DB8:0:0::1")).isEqualTo(IpAddress.parseClient("[2001:db8::1]"))
                .hasSameHashCodeAs(IpAddress.parse("2001:db8::1"));
        assertThat(IpAddress.parse("192.0.2.1")).isNotEqualTo(IpAddress.parse("192.0.2.2"))
                .isNotEqualTo(IpAddress.parse("::192.0.2.1"));
    }

    @Test
    void bytesCannotChangeTheAddress() {
        IpAddress address = IpAddress.parse("192.0.2.1");
        address.bytes()[0] = 10;
        assertThat(address.toString()).isEqualTo("192.0.2.1");
    }

    @Test
    void printsTheCanonicalForm() {
        assertThat(IpAddress.parse("192.0.2.1")).hasToString("192.0.2.1");
        assertThat(IpAddress.parse("::ffff:c000:0201")).hasToString("192.0.2.1");
        assertThat(IpAddress.parse("2001:0DB8:0000:0000:0000:0000:0000:0001")).hasToString("2001:db8::1");
        assertThat(IpAddress.parse("::")).hasToString("::");
        assertThat(IpAddress.parse("::1")).hasToString("::1");
        assertThat(IpAddress.parse("fe80::")).hasToString("fe80::");
        assertThat(IpAddress.parse("1:2:3:4:5:6:7:8")).hasToString("1:2:3:4:5:6:7:8");
        // RFC 5952: one zero group stays, the longest run is compressed, the first of equal runs
        assertThat(IpAddress.parse("2001:db8:0:1:1:1:1:1")).hasToString("2001:db8:0:1:1:1:1:1");
        assertThat(IpAddress.parse("2001:0:0:1:0:0:0:1")).hasToString("2001:0:0:1::1");
        assertThat(IpAddress.parse("2001:db8:0:0:1:0:0:1")).hasToString("2001:db8::1:0:0:1");
        assertThat(IpAddress.parse("64:ff9b::192.0.2.1")).hasToString("64:ff9b::c000:201");
        for (String text : new String[] {"2001:db8::1", "::", "1::", "::2:3", "1:0:0:2::3", "a:b:c:d:e:f:0:0"}) {
            assertThat(IpAddress.parse(IpAddress.parse(text).toString())).as(text).isEqualTo(IpAddress.parse(text));
        }
    }
}
