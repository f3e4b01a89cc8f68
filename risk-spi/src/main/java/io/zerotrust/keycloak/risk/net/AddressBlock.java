package io.zerotrust.keycloak.risk.net;

import java.util.Locale;

/**
 * The address block a client address belongs to: its /24 (IPv4) or /48 (IPv6), the unit an ISP commonly hands to
 * one line or site. Written as a CIDR prefix, e.g. {@code 198.51.100.0/24} or {@code 2001:db8:1::/48}.
 */
public final class AddressBlock {

    private AddressBlock() {
    }

    /** The block of {@code ip}, or null when it is not an address literal. */
    public static String of(String ip) {
        IpAddress address = IpAddress.parseClient(ip);
        if (address == null) {
            return null;
        }
        byte[] b = address.bytes();
        if (address.isIpv4()) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + ".0/24";
        }
        return String.format(Locale.ROOT, "%x:%x:%x::/48", word(b, 0), word(b, 2), word(b, 4));
    }

    private static int word(byte[] b, int i) {
        return (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
    }
}
