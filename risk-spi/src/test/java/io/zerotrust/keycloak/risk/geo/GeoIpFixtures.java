package io.zerotrust.keycloak.risk.geo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds GeoIP fixture databases in the shapes of GeoIP2-City, GeoLite2-ASN, GeoIP2-Anonymous-IP and DB-IP
 * (flat), with {@link MmdbWriter}. Public and free of test-framework types so integration tests in other modules
 * can use it (copy it with {@code MmdbWriter} until both move into a test-jar).
 *
 * <p>{@code java io.zerotrust.keycloak.risk.geo.GeoIpFixtures <dir>} writes {@link #writeDefaults the default
 * fixtures} into {@code <dir>}.
 */
public final class GeoIpFixtures {

    /** Address of the default fixtures in Berlin, Germany (TEST-NET-1). */
    public static final String BERLIN_IP = "192.0.2.10";
    /** Address of the default fixtures in Tokyo, Japan (TEST-NET-2); a hosting network with an anonymous VPN. */
    public static final String TOKYO_IP = "198.51.100.10";
    /** Address of the default fixtures in Tokyo, Japan (TEST-NET-2); a Tor exit node and public proxy. */
    public static final String TOKYO_TOR_IP = "198.51.100.200";
    /** Address of the default fixtures in New York, United States (TEST-NET-3). */
    public static final String NEW_YORK_IP = "203.0.113.10";
    /** IPv6 address of the default fixtures in Paris, France (documentation prefix). */
    public static final String PARIS_IPV6 = "2001:db8::10";

    public static final String CITY_FILE = "GeoIP2-City-Test.mmdb";
    public static final String ASN_FILE = "GeoLite2-ASN-Test.mmdb";
    public static final String ANONYMOUS_FILE = "GeoIP2-Anonymous-IP-Test.mmdb";

    private GeoIpFixtures() {
    }

    /** One network of a City database. */
    public record CityEntry(String cidr, String countryCode, String countryName, String city, double latitude,
                            double longitude, int accuracyRadiusKm) {
    }

    /** One network of an ASN database. */
    public record AsnEntry(String cidr, long asn, String organization) {
    }

    /** One network of an Anonymous-IP database. */
    public record AnonymousEntry(String cidr, boolean anonymousVpn, boolean hostingProvider, boolean torExitNode,
                                 boolean publicProxy) {
    }

    /** One network of a DB-IP database with the flat schema. */
    public record DbIpEntry(String cidr, String countryCode, String state, String city, double latitude,
                            double longitude) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: GeoIpFixtures <directory>");
            System.exit(2);
        }
        writeDefaults(Path.of(args[0]));
    }

    /** Writes {@link #CITY_FILE}, {@link #ASN_FILE} and {@link #ANONYMOUS_FILE} for the addresses above. */
    public static void writeDefaults(Path directory) throws IOException {
        Files.createDirectories(directory);
        writeCityFixture(directory.resolve(CITY_FILE), defaultCities());
        writeAsnFixture(directory.resolve(ASN_FILE), List.of(
                new AsnEntry("192.0.2.0/24", 64500, "Example Telecom Berlin"),
                new AsnEntry("198.51.100.0/24", 64501, "Example Cloud Tokyo"),
                new AsnEntry("203.0.113.0/24", 64502, "Example Cable New York"),
                new AsnEntry("2001:db8::/32", 64503, "Example Fibre Paris")));
        writeAnonymousFixture(directory.resolve(ANONYMOUS_FILE), List.of(
                new AnonymousEntry("198.51.100.0/25", true, true, false, false),
                new AnonymousEntry("198.51.100.128/25", false, false, true, true)));
    }

    public static List<CityEntry> defaultCities() {
        return List.of(
                new CityEntry("192.0.2.0/24", "DE", "Germany", "Berlin", 52.5200, 13.4050, 20),
                new CityEntry("198.51.100.0/24", "JP", "Japan", "Tokyo", 35.6895, 139.6917, 50),
                new CityEntry("203.0.113.0/24", "US", "United States", "New York", 40.7128, -74.0060, 10),
                new CityEntry("2001:db8::/32", "FR", "France", "Paris", 48.8566, 2.3522, 5));
    }

    /** A GeoIP2-City shaped database (IPv6 tree, IPv4 at ::/96). */
    public static void writeCityFixture(Path file, List<CityEntry> entries) {
        MmdbWriter writer = new MmdbWriter("GeoIP2-City", 6);
        for (CityEntry e : entries) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("city", Map.of("names", Map.of("en", e.city())));
            record.put("country", Map.of("iso_code", e.countryCode(), "names", Map.of("en", e.countryName())));
            record.put("location", Map.of("latitude", e.latitude(), "longitude", e.longitude(),
                    "accuracy_radius", e.accuracyRadiusKm()));
            writer.insert(e.cidr(), record);
        }
        writer.write(file);
    }

    /** A GeoLite2-ASN shaped database. */
    public static void writeAsnFixture(Path file, List<AsnEntry> entries) {
        MmdbWriter writer = new MmdbWriter("GeoLite2-ASN", 6);
        for (AsnEntry e : entries) {
            writer.insert(e.cidr(), Map.of("autonomous_system_number", e.asn(),
                    "autonomous_system_organization", e.organization()));
        }
        writer.write(file);
    }

    /** A GeoIP2-Anonymous-IP shaped database; {@code is_anonymous} is set when any flag is. */
    public static void writeAnonymousFixture(Path file, List<AnonymousEntry> entries) {
        MmdbWriter writer = new MmdbWriter("GeoIP2-Anonymous-IP", 6);
        for (AnonymousEntry e : entries) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("is_anonymous", e.anonymousVpn() || e.hostingProvider() || e.torExitNode() || e.publicProxy());
            record.put("is_anonymous_vpn", e.anonymousVpn());
            record.put("is_hosting_provider", e.hostingProvider());
            record.put("is_tor_exit_node", e.torExitNode());
            record.put("is_public_proxy", e.publicProxy());
            writer.insert(e.cidr(), record);
        }
        writer.write(file);
    }

    /** A DB-IP Lite city database with the flat schema ({@code country_code}, {@code state1}, {@code city}, ...). */
    public static void writeDbIpFlatFixture(Path file, List<DbIpEntry> entries) {
        MmdbWriter writer = new MmdbWriter("DBIP-City-Lite", 6);
        for (DbIpEntry e : entries) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("country_code", e.countryCode());
            record.put("state1", e.state());
            record.put("city", e.city());
            record.put("latitude", e.latitude());
            record.put("longitude", e.longitude());
            writer.insert(e.cidr(), record);
        }
        writer.write(file);
    }
}
