package io.zerotrust.keycloak.risk.geo;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.AnonymousIpResponse;
import com.maxmind.geoip2.model.AsnResponse;
import com.maxmind.geoip2.model.CityResponse;
import com.maxmind.geoip2.model.CountryResponse;
import com.maxmind.geoip2.record.City;
import com.maxmind.geoip2.record.Country;
import com.maxmind.geoip2.record.Location;
import io.zerotrust.keycloak.risk.net.IpAddress;

/**
 * The GeoIP database files of the server, opened once, turning an address into a {@link GeoLookup}.
 * Free of Keycloak types so it can be tested on its own; thread-safe; never throws from {@link #lookup}.
 *
 * <p>A configured file that is missing, corrupt or of the wrong type makes every lookup report that problem:
 * a half-working GeoIP setup must show up as an unavailable signal, not as quietly weaker protection.
 *
 * <p>Files are memory-mapped. A file overwritten in place while mapped (rather than replaced by a rename) makes
 * reads fault: the JVM throws {@link InternalError} for a mapped page that is gone. A lookup reports that as a
 * problem like any other read failure (the location is unavailable, so the fallback level applies), and
 * {@link #changedOnDisk()} lets the owner open the new file.
 */
public final class GeoIpDatabases implements Closeable {

    /** The job a database file is configured for; the key is its server option. */
    public enum Role {
        CITY("city-database", "a GeoIP2/GeoLite2 City or Country database, or DB-IP city"),
        ASN("asn-database", "GeoLite2-ASN"),
        ANONYMOUS("anonymous-database", "GeoIP2-Anonymous-IP");

        private final String optionKey;
        private final String expected;

        Role(String optionKey, String expected) {
            this.optionKey = optionKey;
            this.expected = expected;
        }

        public String optionKey() {
            return optionKey;
        }

        String expected() {
            return expected;
        }
    }

    private final OpenedDatabase city;
    private final OpenedDatabase asn;
    private final OpenedDatabase anonymous;
    private final HostingAsns hostingAsns;

    private GeoIpDatabases(OpenedDatabase city, OpenedDatabase asn, OpenedDatabase anonymous, HostingAsns hostingAsns) {
        this.city = city;
        this.asn = asn;
        this.anonymous = anonymous;
        this.hostingAsns = hostingAsns;
    }

    /**
     * Opens the given files; any may be null (not configured). Never throws: a file that cannot be used is
     * recorded in {@link #statuses()} and reported by every lookup.
     */
    public static GeoIpDatabases open(Path city, Path asn, Path anonymous) {
        return open(city, asn, anonymous, HostingAsns.none());
    }

    /**
     * As {@link #open(Path, Path, Path)}, and an address whose AS (from the ASN database) is in {@code hostingAsns}
     * counts as hosting even where the Anonymous-IP database does not say so or is not configured.
     */
    public static GeoIpDatabases open(Path city, Path asn, Path anonymous, HostingAsns hostingAsns) {
        return new GeoIpDatabases(openIfSet(Role.CITY, city), openIfSet(Role.ASN, asn),
                openIfSet(Role.ANONYMOUS, anonymous), hostingAsns);
    }

    /** No database at all: every lookup says so. */
    public static GeoIpDatabases none() {
        return new GeoIpDatabases(null, null, null, HostingAsns.none());
    }

    private static OpenedDatabase openIfSet(Role role, Path path) {
        return path == null ? null : OpenedDatabase.open(role, path);
    }

    /** The configured files, in role order, each usable or with its error. */
    public List<DatabaseStatus> statuses() {
        List<DatabaseStatus> statuses = new ArrayList<>();
        for (OpenedDatabase db : configured()) {
            statuses.add(db.status());
        }
        return statuses;
    }

    private List<OpenedDatabase> configured() {
        List<OpenedDatabase> list = new ArrayList<>(3);
        for (OpenedDatabase db : new OpenedDatabase[] {city, asn, anonymous}) {
            if (db != null) {
                list.add(db);
            }
        }
        return list;
    }

    /** What the databases say about {@code ip}; never throws. */
    public GeoLookup lookup(String ip) {
        List<OpenedDatabase> configured = configured();
        if (configured.isEmpty()) {
            return GeoLookup.problem(GeoLookup.NOT_CONFIGURED);
        }
        for (OpenedDatabase db : configured) {
            if (!db.status().usable()) {
                return GeoLookup.problem("GeoIP " + db.status().role().optionKey() + " " + db.status().path()
                        + " is unusable: " + db.status().error());
            }
        }
        if (ip == null || ip.isBlank()) {
            return GeoLookup.problem("no client address");
        }
        IpAddress address = IpAddress.parseClient(ip);
        if (address == null) {
            return GeoLookup.problem("not an IP address: " + ip);
        }
        String internal = address.internalKind();
        if (internal != null) {
            return GeoLookup.internalAddress(ip, internal);
        }
        try {
            return read(ip, address.toInetAddress());
        } catch (IOException | GeoIp2Exception | RuntimeException e) {
            return GeoLookup.problem("database read failed: " + OpenedDatabase.describe(e));
        } catch (InternalError e) {
            // A mapped page of a file truncated or rewritten in place: the file changed under us, not the JVM broke
            return GeoLookup.problem("database read failed, the file was changed while in use (replace GeoIP files by "
                    + "renaming a new file over them): " + OpenedDatabase.describe(e));
        }
    }

    /** Whether any configured file on disk is no longer the one opened (replaced, rewritten, removed). */
    public boolean changedOnDisk() {
        for (OpenedDatabase db : configured()) {
            if (db.changedOnDisk()) {
                return true;
            }
        }
        return false;
    }

    /** The same open databases, applying {@code list} as the hosting-ASN list. */
    public GeoIpDatabases withHostingAsns(HostingAsns list) {
        return new GeoIpDatabases(city, asn, anonymous, list);
    }

    /** The hosting-ASN list the lookups apply. */
    public HostingAsns hostingAsns() {
        return hostingAsns;
    }

    /** Whether every configured file opened and fits its role. */
    public boolean allUsable() {
        return statuses().stream().allMatch(DatabaseStatus::usable);
    }

    private GeoLookup read(String ip, InetAddress address) throws IOException, GeoIp2Exception {
        Place place = null;
        if (city != null) {
            place = readPlace(address).orElse(null);
            if (place == null) {
                return GeoLookup.problem("address " + ip + " not found in the GeoIP " + Role.CITY.optionKey());
            }
        }
        AsnResponse network = asn == null ? null : asn.reader().tryAsn(address).orElse(null);
        AnonymousIpResponse anon = anonymous == null ? null : anonymous.reader().tryAnonymousIp(address).orElse(null);
        if (place == null && network == null && anon == null) {
            return GeoLookup.problem("address " + ip + " not found in the GeoIP databases");
        }
        if (place == null) {
            place = new Place(null, null, null, null, null, null);
        }
        Long asNumber = network == null ? null : network.autonomousSystemNumber();
        // The commercial flag first: it knows the address, the list only its network's owner
        HostingSource hosting = anon != null && anon.isHostingProvider() ? HostingSource.ANONYMOUS_IP_DATABASE
                : hostingAsns.contains(asNumber) ? HostingSource.ASN_LIST : null;
        return GeoLookup.found(new GeoLocation(place.countryCode(), place.countryName(), place.city(),
                place.latitude(), place.longitude(), place.accuracyRadiusKm(), asNumber,
                network == null ? null : network.autonomousSystemOrganization(),
                anon != null && anon.isAnonymousVpn(), hosting != null,
                anon != null && anon.isTorExitNode(), anon != null && anon.isPublicProxy(), hosting));
    }

    private Optional<Place> readPlace(InetAddress address) throws IOException, GeoIp2Exception {
        switch (city.schema()) {
            case DBIP: {
                Map<?, ?> record = city.rawReader().get(address, Map.class);
                return Optional.ofNullable(record).map(DbIpRecords::toPlace);
            }
            case GEOIP2_COUNTRY: {
                Optional<CountryResponse> response = city.reader().tryCountry(address);
                return response.map(r -> place(country(r.country(), r.registeredCountry()), null, null));
            }
            default: {
                Optional<CityResponse> response = city.reader().tryCity(address);
                return response.map(r -> place(country(r.country(), r.registeredCountry()), r.city(), r.location()));
            }
        }
    }

    /** The country where the address is used; the registering country only when that is unknown. */
    private static Country country(Country located, Country registered) {
        return located != null && located.isoCode() != null ? located : registered;
    }

    private static Place place(Country country, City city, Location location) {
        String code = country == null ? null : country.isoCode();
        String countryName = country == null ? null : country.names().get("en");
        return new Place(code, countryName != null ? countryName : CountryNames.english(code),
                city == null ? null : city.names().get("en"),
                location == null ? null : location.latitude(), location == null ? null : location.longitude(),
                location == null ? null : location.accuracyRadius());
    }

    @Override
    public void close() {
        for (OpenedDatabase db : configured()) {
            db.close();
        }
    }
}
