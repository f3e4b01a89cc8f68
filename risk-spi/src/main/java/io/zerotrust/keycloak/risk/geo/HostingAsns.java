package io.zerotrust.keycloak.risk.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.zerotrust.keycloak.risk.net.AsNumber;
import io.zerotrust.keycloak.risk.spi.ListFile;

/**
 * AS numbers of hosting, cloud and VPN provider networks: where an address's AS is listed, its location counts as
 * hosting ({@link HostingSource#ASN_LIST}) even without the commercial Anonymous-IP database. The shipped list
 * ({@value #SHIPPED_RESOURCE}, made by {@code risk-spi/src/main/data/hosting-asns.py} from a CC BY 4.0 ASN database)
 * or the admin's own file: one AS number per line ({@code 64512} or {@code AS64512}), {@code #} starts a comment.
 *
 * <p>A malformed line of the admin's file is skipped with a warning naming file and line.
 */
public final class HostingAsns {

    /** Class-path resource, next to this class, of the shipped list. */
    public static final String SHIPPED_RESOURCE = "hosting-asns.txt";
    private static final HostingAsns NONE = new HostingAsns(Set.of(), "off");

    private final Set<Long> asns;
    private final String source;

    private HostingAsns(Set<Long> asns, String source) {
        this.asns = Set.copyOf(asns);
        this.source = source;
    }

    /** No list: only the Anonymous-IP database says what is hosting. */
    public static HostingAsns none() {
        return NONE;
    }

    /** The list shipped in the jar. */
    public static HostingAsns shipped() {
        try (InputStream in = HostingAsns.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + SHIPPED_RESOURCE + " missing from the jar");
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            return new HostingAsns(parse(lines, "shipped " + SHIPPED_RESOURCE), "shipped list");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The admin's list in {@code file} ({@link HostingAsnsFile} follows it and says what happens when it is broken).
     *
     * @throws IOException saying what is wrong (after the file's name), when the file cannot be read or holds no AS
     *                     number
     */
    public static HostingAsns read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot be read (" + e + ")", e);
        }
        Set<Long> asns = parse(lines, file.toString());
        if (asns.isEmpty()) {
            throw new IOException("lists no AS number");
        }
        return new HostingAsns(asns, file.toString());
    }

    static Set<Long> parse(List<String> lines, String source) {
        Set<Long> asns = new HashSet<>();
        ListFile.read(lines, source, entry -> {
            Long asn = AsNumber.parse(entry);
            if (asn == null) {
                throw new IllegalArgumentException("not an AS number such as 64512 or AS64512");
            }
            asns.add(asn);
        });
        return asns;
    }

    /** Whether {@code asn} is a listed hosting network; false for null. */
    public boolean contains(Long asn) {
        return asn != null && asns.contains(asn);
    }

    public int size() {
        return asns.size();
    }

    /** "shipped list", the admin's file, or "off": for the log and the provider info. */
    public String source() {
        return source;
    }

    /** What the provider info shows: "shipped list, 670 networks". */
    public String describe() {
        return this == NONE ? "off" : source + ", " + size() + " networks";
    }
}
