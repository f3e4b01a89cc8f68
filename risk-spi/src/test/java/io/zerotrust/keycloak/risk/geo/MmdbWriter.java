package io.zerotrust.keycloak.risk.geo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.zerotrust.keycloak.risk.net.IpAddress;

/**
 * Writes MaxMind DB (mmdb) files, following the public "MaxMind DB File Format Specification" 2.0, so tests
 * can build GeoIP2/GeoLite2/DB-IP shaped databases: neither MaxMind's test databases nor an mmdb writer are
 * on Maven Central.
 *
 * <p>Layout written: binary search tree (24, 28 or 32-bit records), 16 zero bytes, data section, then
 * {@code \xAB\xCD\xEFMaxMind.com} and the metadata map.
 *
 * <p>IP versions: with {@code ipVersion} 6 (the default, as in MaxMind's own files) IPv4 networks are stored
 * at {@code ::/96} (IPv4 {@code a.b.c.d} is {@code ::a.b.c.d}), which is where the readers look for IPv4
 * addresses, so both IPv4 and IPv6 lookups work. With {@code ipVersion} 4 only IPv4 networks can be inserted.
 * No aliases ({@code ::ffff:0:0/96}, {@code 2002::/16}) are written.
 *
 * <p>Java values map to mmdb types as: {@link String} utf8, {@link Double} double, {@link Float} float,
 * {@link Integer} uint16, {@link Long} uint32, {@link BigInteger} uint64 (see {@link #uint64}), {@link Boolean}
 * boolean, {@link Map} map (string keys), {@link List} array, {@code byte[]} bytes. The widths follow the
 * GeoIP2 schemas (e.g. {@code accuracy_radius} is uint16 so pass an Integer, {@code geoname_id} and
 * {@code autonomous_system_number} are uint32 so pass a Long), because the official reader maps them onto typed
 * constructor parameters.
 *
 * <p>Networks may overlap only when less specific ones are meant to be overridden: they are inserted shortest
 * prefix first, and a longer prefix wins inside a shorter one.
 */
public final class MmdbWriter {

    private static final byte[] METADATA_MARKER = {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF,
            'M', 'a', 'x', 'M', 'i', 'n', 'd', '.', 'c', 'o', 'm'};
    private static final int DATA_SECTION_SEPARATOR = 16;

    private final String databaseType;
    private final int ipVersion;
    private int recordSize;
    private long buildEpoch = 1_700_000_000L;
    private String description;
    private final List<Network> networks = new ArrayList<>();

    private record Network(byte[] bits, int prefixLength, Object data, int order) {
    }

    /** A node of the search tree; each side holds a {@link Node}, a data value, or null (no data). */
    private static final class Node {
        Object left;
        Object right;
    }

    /** A data value that must be written as uint64. */
    public static BigInteger uint64(long value) {
        return BigInteger.valueOf(value);
    }

    /**
     * @param databaseType metadata {@code database_type}, e.g. {@code GeoIP2-City}; the official reader picks the
     *                     methods it allows from this
     * @param ipVersion    4 or 6
     */
    public MmdbWriter(String databaseType, int ipVersion) {
        if (ipVersion != 4 && ipVersion != 6) {
            throw new IllegalArgumentException("ipVersion must be 4 or 6");
        }
        this.databaseType = Objects.requireNonNull(databaseType, "databaseType");
        this.ipVersion = ipVersion;
        this.description = databaseType + " test database";
    }

    /** 24, 28 or 32; 0 (the default) picks the smallest that fits. */
    public MmdbWriter recordSize(int bits) {
        if (bits != 0 && bits != 24 && bits != 28 && bits != 32) {
            throw new IllegalArgumentException("record size must be 24, 28 or 32");
        }
        this.recordSize = bits;
        return this;
    }

    public MmdbWriter buildEpoch(long secondsSinceEpoch) {
        this.buildEpoch = secondsSinceEpoch;
        return this;
    }

    public MmdbWriter description(String english) {
        this.description = english;
        return this;
    }

    /** Maps every address in {@code cidr} (e.g. {@code 192.0.2.0/24}, {@code 2001:db8::/32}) to {@code data}. */
    public MmdbWriter insert(String cidr, Object data) {
        Objects.requireNonNull(data, "data");
        int slash = cidr.indexOf('/');
        InetAddress address = literal(slash < 0 ? cidr : cidr.substring(0, slash));
        boolean v4 = address instanceof Inet4Address;
        int length = slash < 0 ? (v4 ? 32 : 128) : Integer.parseInt(cidr.substring(slash + 1));
        byte[] raw = address.getAddress();
        byte[] bits;
        if (ipVersion == 4) {
            if (!v4) {
                throw new IllegalArgumentException("an IPv4 database cannot hold " + cidr);
            }
            bits = raw;
        } else if (v4) {
            bits = new byte[16];
            System.arraycopy(raw, 0, bits, 12, 4);
            length += 96;
        } else {
            bits = raw;
        }
        if (length < 0 || length > bits.length * 8) {
            throw new IllegalArgumentException("bad prefix length in " + cidr);
        }
        networks.add(new Network(bits, length, data, networks.size()));
        return this;
    }

    private static InetAddress literal(String text) {
        IpAddress address = IpAddress.parse(text);
        if (address == null) {
            throw new IllegalArgumentException("not an IP literal: " + text);
        }
        return address.toInetAddress();
    }

    public void write(Path file) {
        try {
            Files.write(file, toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] toBytes() {
        Node root = buildTree();
        List<Node> nodes = numberNodes(root);
        Map<Node, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i), i);
        }

        // each distinct data value once, in first-use order
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        Map<Object, Long> offsets = new IdentityHashMap<>();
        for (Node node : nodes) {
            for (Object side : new Object[] {node.left, node.right}) {
                if (side != null && !(side instanceof Node) && !offsets.containsKey(side)) {
                    offsets.put(side, (long) data.size());
                    encode(side, data);
                }
            }
        }

        long nodeCount = nodes.size();
        long maxRecord = nodeCount + DATA_SECTION_SEPARATOR + data.size();
        int size = recordSize != 0 ? recordSize : maxRecord < (1L << 24) ? 24 : maxRecord < (1L << 28) ? 28 : 32;
        if (maxRecord >= (1L << size)) {
            throw new IllegalStateException("record size " + size + " too small for " + maxRecord);
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Node node : nodes) {
            writeNode(out, size, record(node.left, index, offsets, nodeCount), record(node.right, index, offsets, nodeCount));
        }
        out.write(new byte[DATA_SECTION_SEPARATOR], 0, DATA_SECTION_SEPARATOR);
        out.write(data.toByteArray(), 0, data.size());
        out.write(METADATA_MARKER, 0, METADATA_MARKER.length);
        encode(metadata(nodeCount, size), out);
        return out.toByteArray();
    }

    private Map<String, Object> metadata(long nodeCount, int size) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("binary_format_major_version", 2);
        metadata.put("binary_format_minor_version", 0);
        metadata.put("build_epoch", uint64(buildEpoch));
        metadata.put("database_type", databaseType);
        metadata.put("description", Map.of("en", description));
        metadata.put("ip_version", ipVersion);
        metadata.put("languages", List.of("en"));
        metadata.put("node_count", nodeCount);
        metadata.put("record_size", size);
        return metadata;
    }

    private Node buildTree() {
        Node root = new Node();
        List<Network> sorted = new ArrayList<>(networks);
        sorted.sort(Comparator.comparingInt(Network::prefixLength).thenComparingInt(Network::order));
        for (Network network : sorted) {
            insert(root, network);
        }
        return root;
    }

    private static void insert(Node root, Network network) {
        Node node = root;
        for (int depth = 0; depth < network.prefixLength(); depth++) {
            boolean one = bit(network.bits(), depth);
            boolean last = depth == network.prefixLength() - 1;
            Object child = one ? node.right : node.left;
            if (last) {
                if (child instanceof Node) {
                    throw new IllegalStateException("a shorter prefix cannot be inserted over a longer one");
                }
                set(node, one, network.data());
                return;
            }
            if (!(child instanceof Node)) {
                // a less specific network ends here: push its data down both sides so the new one can split it
                Node split = new Node();
                split.left = child;
                split.right = child;
                set(node, one, split);
                child = split;
            }
            node = (Node) child;
        }
        throw new IllegalArgumentException("prefix length 0 is not supported");
    }

    private static void set(Node node, boolean right, Object value) {
        if (right) {
            node.right = value;
        } else {
            node.left = value;
        }
    }

    private static boolean bit(byte[] bytes, int index) {
        return ((bytes[index / 8] >> (7 - index % 8)) & 1) == 1;
    }

    /** Breadth-first, so the root is node 0 as the readers expect. */
    private static List<Node> numberNodes(Node root) {
        List<Node> nodes = new ArrayList<>();
        Deque<Node> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            Node node = queue.poll();
            nodes.add(node);
            if (node.left instanceof Node l) {
                queue.add(l);
            }
            if (node.right instanceof Node r) {
                queue.add(r);
            }
        }
        return nodes;
    }

    /** A record: a node number, node_count for "no data", or node_count + 16 + data offset. */
    private static long record(Object side, Map<Node, Integer> index, Map<Object, Long> offsets, long nodeCount) {
        if (side == null) {
            return nodeCount;
        }
        if (side instanceof Node node) {
            return index.get(node);
        }
        return nodeCount + DATA_SECTION_SEPARATOR + offsets.get(side);
    }

    private static void writeNode(ByteArrayOutputStream out, int size, long left, long right) {
        switch (size) {
            case 24 -> {
                writeBigEndian(out, left, 3);
                writeBigEndian(out, right, 3);
            }
            case 28 -> {
                writeBigEndian(out, left & 0xFFFFFF, 3);
                out.write((int) (((left >> 24) & 0x0F) << 4 | ((right >> 24) & 0x0F)));
                writeBigEndian(out, right & 0xFFFFFF, 3);
            }
            default -> {
                writeBigEndian(out, left, 4);
                writeBigEndian(out, right, 4);
            }
        }
    }

    private static void writeBigEndian(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((int) (value >> (8 * i)) & 0xFF);
        }
    }

    // ---- data section encoding ----

    private static final int UTF8 = 2;
    private static final int DOUBLE = 3;
    private static final int BYTES = 4;
    private static final int UINT16 = 5;
    private static final int UINT32 = 6;
    private static final int MAP = 7;
    private static final int UINT64 = 9;
    private static final int ARRAY = 11;
    private static final int BOOLEAN = 14;
    private static final int FLOAT = 15;

    private static void encode(Object value, ByteArrayOutputStream out) {
        if (value instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            control(out, UTF8, utf8.length);
            out.write(utf8, 0, utf8.length);
        } else if (value instanceof Double d) {
            control(out, DOUBLE, 8);
            writeBigEndian(out, Double.doubleToLongBits(d), 8);
        } else if (value instanceof Float f) {
            control(out, FLOAT, 4);
            writeBigEndian(out, Float.floatToIntBits(f) & 0xFFFFFFFFL, 4);
        } else if (value instanceof Integer i) {
            unsigned(out, UINT16, BigInteger.valueOf(i), 2);
        } else if (value instanceof Long l) {
            unsigned(out, UINT32, BigInteger.valueOf(l), 4);
        } else if (value instanceof BigInteger b) {
            unsigned(out, UINT64, b, 8);
        } else if (value instanceof Boolean b) {
            control(out, BOOLEAN, b ? 1 : 0);
        } else if (value instanceof byte[] bytes) {
            control(out, BYTES, bytes.length);
            out.write(bytes, 0, bytes.length);
        } else if (value instanceof Map<?, ?> map) {
            control(out, MAP, map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                encode((String) entry.getKey(), out);
                encode(entry.getValue(), out);
            }
        } else if (value instanceof List<?> list) {
            control(out, ARRAY, list.size());
            for (Object element : list) {
                encode(element, out);
            }
        } else {
            throw new IllegalArgumentException("no mmdb type for " + (value == null ? "null" : value.getClass()));
        }
    }

    /** Unsigned integers use as few bytes as the value needs (0 needs none). */
    private static void unsigned(ByteArrayOutputStream out, int type, BigInteger value, int maxBytes) {
        if (value.signum() < 0 || value.bitLength() > maxBytes * 8) {
            throw new IllegalArgumentException(value + " does not fit type " + type);
        }
        int length = (value.bitLength() + 7) / 8;
        control(out, type, length);
        for (int i = length - 1; i >= 0; i--) {
            out.write(value.shiftRight(8 * i).intValue() & 0xFF);
        }
    }

    /** Control byte: 3 type bits and 5 size bits, then the extended type byte, then any size extension. */
    private static void control(ByteArrayOutputStream out, int type, int size) {
        int typeBits = type <= 7 ? type : 0;
        int sizeBits;
        byte[] extension;
        if (size < 29) {
            sizeBits = size;
            extension = new byte[0];
        } else if (size < 29 + 256) {
            sizeBits = 29;
            extension = new byte[] {(byte) (size - 29)};
        } else if (size < 285 + 65536) {
            sizeBits = 30;
            int rest = size - 285;
            extension = new byte[] {(byte) (rest >> 8), (byte) rest};
        } else {
            sizeBits = 31;
            int rest = size - 65821;
            extension = new byte[] {(byte) (rest >> 16), (byte) (rest >> 8), (byte) rest};
        }
        out.write(typeBits << 5 | sizeBits);
        if (type > 7) {
            out.write(type - 7);
        }
        out.write(extension, 0, extension.length);
    }
}
