package io.zerotrust.keycloak.risk.reputation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.zerotrust.keycloak.risk.net.IpAddress;

/**
 * An immutable set of IPv4 and IPv6 addresses given as single addresses and CIDR prefixes. Each prefix becomes
 * an address range; ranges are sorted and merged, so a lookup is one binary search (O(log n)) however large the
 * list (Tor's exit list has thousands of entries and is consulted on every sign-in).
 */
public final class CidrSet {

    private static final CidrSet EMPTY = new CidrSet(RangeTable.EMPTY, RangeTable.EMPTY);

    private final RangeTable v4;
    private final RangeTable v6;

    private CidrSet(RangeTable v4, RangeTable v6) {
        this.v4 = v4;
        this.v6 = v6;
    }

    public static CidrSet empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a set from entries, failing on the first malformed one (for code and tests; files use {@link CidrListParser}). */
    public static CidrSet of(String... entries) {
        Builder builder = builder();
        for (String entry : entries) {
            builder.add(entry);
        }
        return builder.build();
    }

    /** @return whether {@code ip} is in this set */
    public boolean contains(IpAddress ip) {
        byte[] address = ip.bytes();
        if (address.length == 4) {
            return v4.contains(0, toLong(address, 0, 4));
        }
        if (address.length == 16) {
            return v6.contains(toLong(address, 0, 8), toLong(address, 8, 8));
        }
        return false;
    }

    /** @return whether {@code ip} is a literal address in this set (false for anything unparsable) */
    public boolean contains(String ip) {
        IpAddress address = IpAddress.parseClient(ip);
        return address != null && contains(address);
    }

    /** Number of disjoint ranges after merging (not the number of entries). */
    public int ranges() {
        return v4.size() + v6.size();
    }

    public boolean isEmpty() {
        return ranges() == 0;
    }

    private static long toLong(byte[] bytes, int from, int count) {
        long value = 0;
        for (int i = from; i < from + count; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }

    /** Collects entries; not thread-safe. */
    public static final class Builder {
        private final List<long[]> v4 = new ArrayList<>();
        private final List<long[]> v6 = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param entry an address ({@code 192.0.2.1}, {@code 2001:db8::1}) or prefix ({@code 192.0.2.0/24},
         *              {@code 2001:db8::/32}); host bits below the prefix are ignored
         * @throws IllegalArgumentException saying what is wrong with the entry
         */
        public Builder add(String entry) {
            String text = entry.trim();
            int slash = text.indexOf('/');
            IpAddress ip = IpAddress.parse(slash < 0 ? text : text.substring(0, slash));
            if (ip == null) {
                throw new IllegalArgumentException("not an IP address");
            }
            byte[] address = ip.bytes();
            int bits = address.length * 8;
            int prefix = slash < 0 ? bits : parsePrefix(text.substring(slash + 1), bits);
            if (address.length == 4) {
                long value = toLong(address, 0, 4);
                long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
                v4.add(new long[] {0, value & mask, 0, (value & mask) | (~mask & 0xFFFFFFFFL)});
            } else {
                long hi = toLong(address, 0, 8);
                long lo = toLong(address, 8, 8);
                int hostBits = 128 - prefix;
                // Java masks shift distances to 6 bits, so 64 and 128 host bits are spelled out
                long hiMask = hostBits >= 128 ? 0 : hostBits > 64 ? -1L << (hostBits - 64) : -1L;
                long loMask = hostBits >= 64 ? 0 : hostBits == 0 ? -1L : -1L << hostBits;
                v6.add(new long[] {hi & hiMask, lo & loMask, (hi & hiMask) | ~hiMask, (lo & loMask) | ~loMask});
            }
            return this;
        }

        private static int parsePrefix(String text, int bits) {
            if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("bad prefix length '" + text + "'");
            }
            int prefix = Integer.parseInt(text);
            if (prefix > bits) {
                throw new IllegalArgumentException("prefix length " + prefix + " exceeds " + bits);
            }
            return prefix;
        }

        public CidrSet build() {
            if (v4.isEmpty() && v6.isEmpty()) {
                return EMPTY;
            }
            return new CidrSet(RangeTable.of(v4), RangeTable.of(v6));
        }
    }

    /** Sorted, disjoint ranges of unsigned 128-bit values (hi, lo); IPv4 uses lo only. */
    private static final class RangeTable {
        static final RangeTable EMPTY = new RangeTable(new long[0], new long[0], new long[0], new long[0]);

        private final long[] startHi;
        private final long[] startLo;
        private final long[] endHi;
        private final long[] endLo;

        private RangeTable(long[] startHi, long[] startLo, long[] endHi, long[] endLo) {
            this.startHi = startHi;
            this.startLo = startLo;
            this.endHi = endHi;
            this.endLo = endLo;
        }

        static RangeTable of(List<long[]> ranges) {
            if (ranges.isEmpty()) {
                return EMPTY;
            }
            long[][] sorted = ranges.toArray(new long[0][]);
            Arrays.sort(sorted, (a, b) -> compare(a[0], a[1], b[0], b[1]));
            List<long[]> merged = new ArrayList<>();
            long[] current = sorted[0].clone();
            for (int i = 1; i < sorted.length; i++) {
                long[] next = sorted[i];
                if (compare(next[0], next[1], current[2], current[3]) <= 0) {
                    // Overlaps (or nests in) the current range: extend the end if needed
                    if (compare(next[2], next[3], current[2], current[3]) > 0) {
                        current[2] = next[2];
                        current[3] = next[3];
                    }
                } else {
                    merged.add(current);
                    current = next.clone();
                }
            }
            merged.add(current);
            int n = merged.size();
            RangeTable table = new RangeTable(new long[n], new long[n], new long[n], new long[n]);
            for (int i = 0; i < n; i++) {
                long[] r = merged.get(i);
                table.startHi[i] = r[0];
                table.startLo[i] = r[1];
                table.endHi[i] = r[2];
                table.endLo[i] = r[3];
            }
            return table;
        }

        int size() {
            return startHi.length;
        }

        boolean contains(long hi, long lo) {
            // Find the last range starting at or before the address; it is the only one that can hold it
            int low = 0;
            int high = startHi.length - 1;
            int candidate = -1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (compare(startHi[mid], startLo[mid], hi, lo) <= 0) {
                    candidate = mid;
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return candidate >= 0 && compare(hi, lo, endHi[candidate], endLo[candidate]) <= 0;
        }

        private static int compare(long aHi, long aLo, long bHi, long bLo) {
            int c = Long.compareUnsigned(aHi, bHi);
            return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
        }
    }
}
