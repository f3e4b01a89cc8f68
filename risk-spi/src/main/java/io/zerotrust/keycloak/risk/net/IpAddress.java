package io.zerotrust.keycloak.risk.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 address, parsed from its literal by hand. {@code InetAddress.getByName} would resolve anything
 * that is not a literal through DNS, and a sign-in (or a list file) must never cause a lookup; parsing here also
 * keeps the rules strict (no octal-looking {@code 010.0.0.1}, no zone ids in lists). An IPv4-mapped IPv6 address
 * ({@code ::ffff:a.b.c.d}) is the IPv4 address, so one list entry covers both spellings. Immutable; equal when
 * the bytes are.
 */
public final class IpAddress {

    private final byte[] bytes;

    private IpAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @param text an address such as {@code 192.0.2.1} or {@code 2001:db8::1}, nothing around it
     * @return the address, or null if {@code text} is not a literal address
     */
    public static IpAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        byte[] parsed = text.indexOf(':') < 0 ? parseV4(text) : unmapV4(parseV6(text));
        return parsed == null ? null : new IpAddress(parsed);
    }

    /**
     * Like {@link #parse} but also accepts the decorations a client address may carry: surrounding white space
     * and brackets ({@code [2001:db8::1]}) and an IPv6 zone id ({@code fe80::1%eth0}, dropped).
     */
    public static IpAddress parseClient(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.length() > 2 && t.charAt(0) == '[' && t.charAt(t.length() - 1) == ']') {
            t = t.substring(1, t.length() - 1);
        }
        int zone = t.indexOf('%');
        if (zone > 0 && t.indexOf(':') >= 0) {
            t = t.substring(0, zone);
        }
        return parse(t);
    }

    /** @return 4 bytes for IPv4 (also when it was spelled IPv4-mapped), 16 for IPv6; a copy */
    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean isIpv4() {
        return bytes.length == 4;
    }

    /** The same address for APIs that want one (the GeoIP reader); built from the bytes, so no DNS. */
    public InetAddress toInetAddress() {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    /**
     * @return "private", "loopback", "link-local", "unspecified", "multicast" or "shared (carrier-grade NAT)"
     *         when the address is internal (no GeoIP database can place it); null for a public address
     */
    public String internalKind() {
        InetAddress address = toInetAddress();
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address instanceof Inet4Address && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64) {
            return "shared (carrier-grade NAT)";
        }
        if (address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc) {
            return "private"; // unique local fc00::/7, which Java does not count as site-local
        }
        return null;
    }

    public boolean isLoopback() {
        return toInetAddress().isLoopbackAddress();
    }

    /**
     * Whether a host name as a URL or a server list writes it ({@code localhost}, {@code 127.0.0.1}, {@code [::1]})
     * names this machine's loopback, without a DNS lookup: any other name counts as remote.
     */
    public static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        IpAddress literal = parseClient(host);
        return "localhost".equalsIgnoreCase(host.trim()) || literal != null && literal.isLoopback();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpAddress that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Canonical form: dotted decimal, or RFC 5952 IPv6 (lower case, no leading zeros, longest zero run as ::). */
    @Override
    public String toString() {
        if (isIpv4()) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        // RFC 5952 4.2: compress the longest run of two or more zero groups, the first one on a tie
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    private static byte[] parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = parseOctet(parts[i]);
            if (value < 0) {
                return null;
            }
            out[i] = (byte) value;
        }
        return out;
    }

    private static int parseOctet(String part) {
        int len = part.length();
        if (len == 0 || len > 3 || (len > 1 && part.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < len; i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255 ? value : -1;
    }

    private static byte[] parseV6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        byte[] out = new byte[16];
        if (gap < 0) {
            return fillGroups(text, out) == 16 ? out : null;
        }
        String head = text.substring(0, gap);
        String tail = text.substring(gap + 2);
        byte[] tailBytes = new byte[16];
        int headLen = head.isEmpty() ? 0 : fillGroups(head, out);
        int tailLen = tail.isEmpty() ? 0 : fillGroups(tail, tailBytes);
        // "::" stands for at least one group of zeros
        if (headLen < 0 || tailLen < 0 || headLen + tailLen > 14) {
            return null;
        }
        if (head.contains(".")) {
            return null; // an embedded IPv4 address may only end the address
        }
        System.arraycopy(tailBytes, 0, out, 16 - tailLen, tailLen);
        return out;
    }

    /** Writes ':'-separated groups (the last may be dotted IPv4) from the start of {@code out}; bytes written or -1. */
    private static int fillGroups(String text, byte[] out) {
        String[] groups = text.split(":", -1);
        int pos = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (i == groups.length - 1 && g.indexOf('.') >= 0) {
                byte[] v4 = parseV4(g);
                if (v4 == null || pos + 4 > out.length) {
                    return -1;
                }
                System.arraycopy(v4, 0, out, pos, 4);
                pos += 4;
                continue;
            }
            int value = parseHexGroup(g);
            if (value < 0 || pos + 2 > out.length) {
                return -1;
            }
            out[pos++] = (byte) (value >>> 8);
            out[pos++] = (byte) value;
        }
        return pos;
    }

    private static int parseHexGroup(String g) {
        if (g.isEmpty() || g.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            // ASCII only: Character.digit would also accept other scripts' digits
            int digit = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    private static byte[] unmapV4(byte[] v6) {
        if (v6 == null) {
            return null;
        }
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return v6;
            }
        }
        if (v6[10] != (byte) 0xff || v6[11] != (byte) 0xff) {
            return v6;
        }
        return new byte[] {v6[12], v6[13], v6[14], v6[15]};
    }
}
