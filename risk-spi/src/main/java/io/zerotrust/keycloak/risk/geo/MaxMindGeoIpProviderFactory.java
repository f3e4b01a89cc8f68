package io.zerotrust.keycloak.risk.geo;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.zerotrust.keycloak.risk.spi.OptionReader;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * The {@code maxmind} GeoIP provider: local mmdb files (MaxMind GeoIP2/GeoLite2, DB-IP Lite), opened once at
 * startup. Only translates server options into {@link GeoIpDatabases}, which does the reading.
 *
 * <pre>
 * --spi-zt-geoip--maxmind--city-database=/opt/keycloak/geoip/GeoLite2-City.mmdb
 * --spi-zt-geoip--maxmind--asn-database=/opt/keycloak/geoip/GeoLite2-ASN.mmdb
 * --spi-zt-geoip--maxmind--anonymous-database=/opt/keycloak/geoip/GeoIP2-Anonymous-IP.mmdb
 * --spi-zt-geoip--maxmind--hosting-asn-list-file=/opt/keycloak/conf/hosting-asns.txt
 * </pre>
 *
 * <p>With an ASN database, an address whose AS is on the hosting-ASN list ({@link HostingAsns}: the shipped one,
 * the admin's file, or off) counts as hosting, beside the Anonymous-IP database's flag.
 */
public class MaxMindGeoIpProviderFactory implements GeoIpProviderFactory, ServerInfoAwareProviderFactory {

    public static final String ID = "maxmind";
    /** Path of a GeoIP2/GeoLite2 City or Country database, or a DB-IP Lite city database. */
    public static final String CITY_DATABASE = "city-database";
    /** Path of a GeoLite2-ASN database. */
    public static final String ASN_DATABASE = "asn-database";
    /** Path of a GeoIP2-Anonymous-IP database. */
    public static final String ANONYMOUS_DATABASE = "anonymous-database";
    /** {@code true} (default): addresses of the hosting-ASN list's networks count as hosting; {@code false}: off. */
    public static final String HOSTING_ASN_LIST = "hosting-asn-list";
    /** Path of the admin's hosting-ASN list, replacing the shipped one. */
    public static final String HOSTING_ASN_LIST_FILE = "hosting-asn-list-file";
    /** Operational-info key of the hosting-ASN list in use. */
    public static final String HOSTING_ASN_LIST_INFO = "hosting-asn-list";
    /** Seconds at least between two checks of the configured files for a replaced one. */
    public static final String RELOAD_SECONDS = "reload-seconds";
    public static final int DEFAULT_RELOAD_SECONDS = 30;
    /** A day: a database file replaced is opened within a day at the latest. */
    public static final int MAX_RELOAD_SECONDS = 86_400;

    private static final Logger LOG = Logger.getLogger(MaxMindGeoIpProviderFactory.class);

    private volatile GeoIpDatabases databases = GeoIpDatabases.none();
    private volatile Map<String, String> pathProblems = Map.of();
    /** How often at most the files are checked for replacement ({@link #RELOAD_SECONDS}). */
    private long reloadNanos = TimeUnit.SECONDS.toNanos(DEFAULT_RELOAD_SECONDS);
    private Path[] paths = new Path[3];
    private volatile HostingAsns hostingAsns = HostingAsns.none();
    /** The admin's own list file, followed for changes; null with the shipped list or none. */
    private HostingAsnsFile hostingFile;
    private volatile long nextCheck = System.nanoTime();
    /** Lookups answered since start on this node: an admin sees the load, and that a sign-in costs one. */
    private final LongAdder lookups = new LongAdder();
    /** Operational-info key of {@link #lookups}. */
    public static final String LOOKUPS_INFO = "lookups";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
        Map<String, String> problems = new LinkedHashMap<>();
        Path city = path(config, CITY_DATABASE, problems);
        Path asn = path(config, ASN_DATABASE, problems);
        Path anonymous = path(config, ANONYMOUS_DATABASE, problems);
        pathProblems = Map.copyOf(problems);
        paths = new Path[] {city, asn, anonymous};
        OptionReader options = new OptionReader(GeoIpSpi.NAME + " " + ID, config);
        HostingList hosting = hostingList(options, asn != null);
        hostingAsns = hosting.asns();
        hostingFile = hosting.file();
        reloadNanos = TimeUnit.SECONDS.toNanos(options.integer(RELOAD_SECONDS, DEFAULT_RELOAD_SECONDS, 1, MAX_RELOAD_SECONDS));
        databases = pathProblems.isEmpty() ? GeoIpDatabases.open(city, asn, anonymous, hostingAsns)
                : GeoIpDatabases.none();
        for (DatabaseStatus status : databases.statuses()) {
            if (status.usable()) {
                LOG.infof("GeoIP %s: %s", status.role().optionKey(), status.describe());
            } else {
                LOG.errorf("GeoIP %s %s cannot be used: %s; sign-ins get no location until it is fixed",
                        status.role().optionKey(), status.path(), status.error());
            }
        }
        if (databases.statuses().isEmpty() && pathProblems.isEmpty()) {
            LOG.warnf("No GeoIP database configured (--spi-%s--%s--%s=...): the geo and impossible-travel "
                    + "evaluators give no evidence", GeoIpSpi.NAME, ID, CITY_DATABASE);
        }
    }

    /** The hosting-ASN list in use, and the admin's file it follows (null with the shipped list or none). */
    record HostingList(HostingAsns asns, HostingAsnsFile file) {
    }

    /** The list the options ask for; the admin's own file is re-read when it changes (see {@link #reopenIfReplaced}). */
    static HostingList hostingList(OptionReader options, boolean asnDatabase) {
        if (!options.bool(HOSTING_ASN_LIST, true)) {
            return new HostingList(HostingAsns.none(), null);
        }
        String file = options.string(HOSTING_ASN_LIST_FILE);
        HostingAsnsFile followed = null;
        HostingAsns list;
        try {
            followed = file == null ? null : HostingAsnsFile.load(Path.of(file));
            list = followed == null ? HostingAsns.shipped() : followed.current();
        } catch (InvalidPathException e) {
            LOG.errorf("GeoIP %s: invalid path %s: %s; using the shipped list", HOSTING_ASN_LIST_FILE, file,
                    e.getMessage());
            list = HostingAsns.shipped();
        }
        if (asnDatabase) {
            LOG.infof("GeoIP hosting-ASN list: %s", list.describe());
        } else {
            LOG.infof("GeoIP hosting-ASN list (%s) unused: it needs an %s", list.describe(), ASN_DATABASE);
        }
        return new HostingList(list, followed);
    }

    private static Path path(Config.Scope config, String key, Map<String, String> problems) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Path.of(value.trim());
        } catch (InvalidPathException e) {
            problems.put(key, "invalid path " + value + ": " + e.getMessage());
            LOG.errorf("GeoIP %s: invalid path %s: %s", key, value, e.getMessage());
            return null;
        }
    }

    @Override
    public GeoIpProvider create(KeycloakSession session) {
        reopenIfReplaced(System.nanoTime());
        GeoIpDatabases current = databases;
        Map<String, String> problems = pathProblems;
        if (!problems.isEmpty()) {
            String problem = "GeoIP configuration invalid: " + problems.values().iterator().next();
            return ip -> {
                lookups.increment();
                return GeoLookup.problem(problem);
            };
        }
        return ip -> {
            lookups.increment();
            return current.lookup(ip);
        };
    }

    /**
     * At most every {@link #RELOAD_SECONDS}: takes the admin's hosting-ASN list again if it changed; when a configured
     * database file changed on disk (a new release renamed over it, or one overwritten in place, whose mapping now
     * faults), opens the files again and switches to them if every one is usable; otherwise keeps the current ones
     * and tries again later (a copy may still be being written). The old readers are not closed: sign-ins may still
     * be reading them, and the mapping is released when they are collected.
     */
    private void reopenIfReplaced(long now) {
        if (now - nextCheck < 0 || !pathProblems.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (now - nextCheck < 0) {
                return;
            }
            nextCheck = now + reloadNanos;
            if (hostingFile != null && hostingFile.refresh()) {
                hostingAsns = hostingFile.current();
                databases = databases.withHostingAsns(hostingAsns);
            }
            if (!databases.changedOnDisk()) {
                return;
            }
            GeoIpDatabases fresh = GeoIpDatabases.open(paths[0], paths[1], paths[2], hostingAsns);
            if (fresh.allUsable()) {
                databases = fresh;
                LOG.infof("GeoIP databases changed on disk and were reopened: %s", fresh.statuses());
            } else {
                fresh.close();
                LOG.warnf("GeoIP databases changed on disk but cannot be used yet, keeping the open ones: %s", fresh.statuses());
            }
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
        databases.close();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        for (GeoIpDatabases.Role role : GeoIpDatabases.Role.values()) {
            info.put(role.optionKey(), pathProblems.getOrDefault(role.optionKey(), "not configured"));
        }
        for (DatabaseStatus status : databases.statuses()) {
            info.put(status.role().optionKey(), status.describe());
        }
        info.put(HOSTING_ASN_LIST_INFO, hostingAsns.describe());
        info.put(LOOKUPS_INFO, Long.toString(lookups.sum()));
        return info;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(CITY_DATABASE).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Path of a GeoIP2/GeoLite2 City or Country mmdb, or a DB-IP Lite city mmdb").add()
                .property().name(ASN_DATABASE).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Path of a GeoLite2-ASN mmdb").add()
                .property().name(ANONYMOUS_DATABASE).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Path of a GeoIP2-Anonymous-IP mmdb").add()
                .property().name(HOSTING_ASN_LIST).type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true")
                .helpText("Count addresses of the hosting-ASN list's networks (cloud, hosting and VPN providers) as "
                        + "hosting; needs an ASN database").add()
                .property().name(HOSTING_ASN_LIST_FILE).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Path of your own hosting-ASN list (one AS number per line, # comments), replacing the "
                        + "shipped one; unreadable or empty at startup: the shipped list is used and an error logged; "
                        + "read again when it changes").add()
                .property().name(RELOAD_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(String.valueOf(DEFAULT_RELOAD_SECONDS))
                .helpText("Seconds at least between two checks of the database files and the hosting-ASN list file "
                        + "for a replaced one").add()
                .build();
    }
}
