package io.zerotrust.keycloak.risk.geo;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Metadata;
import com.maxmind.db.Reader;
import com.maxmind.geoip2.DatabaseReader;
import io.zerotrust.keycloak.risk.spi.FileStamp;

/**
 * One configured database file, opened once (memory-mapped; the readers are thread-safe) and checked against
 * the role it was configured for, so a wrong or broken file is reported at startup instead of at each login.
 */
final class OpenedDatabase implements Closeable {

    /** How records of a location database are read. */
    enum Schema { GEOIP2_CITY, GEOIP2_COUNTRY, DBIP, ASN, ANONYMOUS_IP }

    /**
     * Decoded records kept per database. Sign-ins come from far fewer networks than the database holds, so a
     * small cache of decoded records saves most decoding; a miss costs one decode, as without it.
     */
    static final int CACHE_ENTRIES = 16_384;

    private final DatabaseStatus status;
    private final Schema schema;
    private final DatabaseReader reader;
    private final Reader rawReader;
    private final FileStamp stamp;

    private OpenedDatabase(DatabaseStatus status, Schema schema, DatabaseReader reader, Reader rawReader, FileStamp stamp) {
        this.status = status;
        this.schema = schema;
        this.reader = reader;
        this.rawReader = rawReader;
        this.stamp = stamp;
    }

    /** Whether the file at the path is no longer the one this was opened from. */
    boolean changedOnDisk() {
        return !Objects.equals(stamp, FileStamp.orNull(status.path()));
    }

    static OpenedDatabase open(GeoIpDatabases.Role role, Path path) {
        FileStamp stamp = FileStamp.orNull(path);
        OpenedDatabase opened = openUnstamped(role, path);
        return new OpenedDatabase(opened.status, opened.schema, opened.reader, opened.rawReader, stamp);
    }

    private static OpenedDatabase openUnstamped(GeoIpDatabases.Role role, Path path) {
        if (!Files.exists(path)) {
            return failed(role, path, null, null, "file not found");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            return failed(role, path, null, null, "not a readable regular file");
        }
        // Read the metadata with the plain reader first: geoip2's DatabaseReader refuses database types it does
        // not know, such as the "city ipv4" of the ip-location-db DB-IP packages.
        Reader rawReader;
        try {
            rawReader = new Reader(path.toFile(), Reader.FileMode.MEMORY_MAPPED, new CHMCache(CACHE_ENTRIES));
        } catch (IOException | RuntimeException e) {
            return failed(role, path, null, null, "not a valid MaxMind DB file: " + describe(e));
        }
        Metadata metadata = rawReader.getMetadata();
        String type = metadata.databaseType();
        Schema schema = schemaFor(role, type);
        if (schema == null) {
            closeQuietly(rawReader);
            return failed(role, path, type, metadata, "database type " + type + " cannot serve as " + role.optionKey()
                    + " (expected " + role.expected() + ")");
        }
        DatabaseStatus ok = new DatabaseStatus(role, path, type, metadata.buildTime(), null);
        if (schema == Schema.DBIP) {
            // DB-IP records may not follow the GeoIP2 schema, so they are read as plain maps
            return new OpenedDatabase(ok, schema, null, rawReader, null);
        }
        closeQuietly(rawReader);
        try {
            DatabaseReader reader = new DatabaseReader.Builder(path.toFile())
                    .fileMode(Reader.FileMode.MEMORY_MAPPED)
                    .withCache(new CHMCache(CACHE_ENTRIES))
                    .locales(List.of("en"))
                    .build();
            return new OpenedDatabase(ok, schema, reader, null, null);
        } catch (IOException | RuntimeException e) {
            return failed(role, path, type, metadata, "not a valid MaxMind DB file: " + describe(e));
        }
    }

    /** The schema to read {@code type} with in {@code role}, or null when the file does not fit the role. */
    static Schema schemaFor(GeoIpDatabases.Role role, String type) {
        String t = type == null ? "" : type;
        return switch (role) {
            case CITY -> {
                String upper = t.toUpperCase(Locale.ROOT);
                boolean maxMind = t.startsWith("GeoIP2") || t.startsWith("GeoLite2");
                // DB-IP's own files say "DBIP-City-Lite"; the ip-location-db packages say "city ipv4" / "city ipv6"
                if (!maxMind && !upper.contains("ASN") && (upper.startsWith("DBIP") || upper.startsWith("CITY"))) {
                    yield Schema.DBIP;
                }
                if (t.contains("City") || t.contains("Enterprise")) {
                    yield Schema.GEOIP2_CITY;
                }
                yield t.contains("Country") ? Schema.GEOIP2_COUNTRY : null;
            }
            case ASN -> t.contains("GeoLite2-ASN") ? Schema.ASN : null;
            case ANONYMOUS -> t.contains("GeoIP2-Anonymous-IP") ? Schema.ANONYMOUS_IP : null;
        };
    }

    private static OpenedDatabase failed(GeoIpDatabases.Role role, Path path, String type, Metadata metadata,
                                         String error) {
        return new OpenedDatabase(new DatabaseStatus(role, path, type, metadata == null ? null : metadata.buildTime(),
                error), null, null, null, null);
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message;
    }

    DatabaseStatus status() {
        return status;
    }

    Schema schema() {
        return schema;
    }

    DatabaseReader reader() {
        return reader;
    }

    Reader rawReader() {
        return rawReader;
    }

    @Override
    public void close() {
        closeQuietly(reader);
        closeQuietly(rawReader);
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing a memory-mapped reader cannot lose data; nothing useful to do
        }
    }
}
