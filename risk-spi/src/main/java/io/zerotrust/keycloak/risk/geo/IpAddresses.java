package io.zerotrust.keycloak.risk.geo;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Parses IP address literals without ever resolving a host name, and tells which addresses are internal
 * (no GeoIP database can place them).
 */
public final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpAddresses() {
    }

    /**
     * @return the address, or null when {@code text} is not an IPv4 or IPv6 literal; host names are refused
     *         rather than resolved, because a lookup must never cause DNS traffic
     */
    public static InetAddress parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        boolean literal = s.indexOf(':') >= 0 ? IPV6_CHARS.matcher(s).matches() : IPV4.matcher(s).matches();
        if (!literal) {
            return null;
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    /** "private", "loopback", ... when the address is internal; null for a public address. */
    public static String internalKind(InetAddress address) {
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
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
            return "shared (carrier-grade NAT)";
        }
        if (address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
            return "private"; // unique local fc00::/7, which Java does not count as site-local
        }
        return null;
    }
}
