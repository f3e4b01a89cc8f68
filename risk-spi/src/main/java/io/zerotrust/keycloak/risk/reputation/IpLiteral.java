package io.zerotrust.keycloak.risk.reputation;

/**
 * Parses textual IPv4 and IPv6 addresses into bytes by hand. {@code InetAddress.getByName} would resolve
 * anything that is not a literal through DNS, and a sign-in (or a list file) must never cause a lookup;
 * parsing here also keeps the rules strict (no octal-looking {@code 010.0.0.1}, no zone ids in lists).
 */
public final class IpLiteral {

    private IpLiteral() {
    }

    /**
     * @param text an address such as {@code 192.0.2.1} or {@code 2001:db8::1}
     * @return 4 bytes for IPv4 (also for IPv4-mapped IPv6 {@code ::ffff:a.b.c.d}, so one list entry covers both
     *         spellings), 16 for IPv6, or null if {@code text} is not a literal address
     */
    public static byte[] parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            return parseV4(text);
        }
        byte[] v6 = parseV6(text);
        return v6 == null ? null : unmapV4(v6);
    }

    /**
     * Like {@link #parse} but also accepts the decorations a client address may carry: surrounding brackets
     * ({@code [2001:db8::1]}) and an IPv6 zone id ({@code fe80::1%eth0}).
     */
    public static byte[] parseClient(String text) {
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

    static byte[] parseV4(String text) {
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

    static byte[] parseV6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        byte[] out = new byte[16];
        if (gap < 0) {
            return fillGroups(text, out, 0, 16) == 16 ? out : null;
        }
        String head = text.substring(0, gap);
        String tail = text.substring(gap + 2);
        byte[] tailBytes = new byte[16];
        int headLen = head.isEmpty() ? 0 : fillGroups(head, out, 0, 16);
        int tailLen = tail.isEmpty() ? 0 : fillGroups(tail, tailBytes, 0, 16);
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

    /** Writes ':'-separated groups (the last may be dotted IPv4) from {@code offset}; returns bytes written or -1. */
    private static int fillGroups(String text, byte[] out, int offset, int limit) {
        String[] groups = text.split(":", -1);
        int pos = offset;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (i == groups.length - 1 && g.indexOf('.') >= 0) {
                byte[] v4 = parseV4(g);
                if (v4 == null || pos + 4 > limit) {
                    return -1;
                }
                System.arraycopy(v4, 0, out, pos, 4);
                pos += 4;
                continue;
            }
            int value = parseHexGroup(g);
            if (value < 0 || pos + 2 > limit) {
                return -1;
            }
            out[pos++] = (byte) (value >>> 8);
            out[pos++] = (byte) value;
        }
        return pos - offset;
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
