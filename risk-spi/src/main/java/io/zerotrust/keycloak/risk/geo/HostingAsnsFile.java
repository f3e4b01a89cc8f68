package io.zerotrust.keycloak.risk.geo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import io.zerotrust.keycloak.risk.spi.FileStamp;
import org.jboss.logging.Logger;

/**
 * The admin's hosting-ASN list file, followed like the GeoIP databases: re-read when its {@link FileStamp} changed.
 * At startup a file that cannot be read or lists no AS number gives the shipped list ({@link HostingAsns#file});
 * afterwards such a file leaves the list in use as it is, with a warning, until it is fixed: a list being copied
 * into place, or removed by mistake, must not swap the admin's networks for the shipped ones mid-run.
 */
final class HostingAsnsFile {

    private static final Logger LOG = Logger.getLogger(HostingAsnsFile.class);

    private final Path path;
    private FileStamp stamp;
    private HostingAsns current;

    private HostingAsnsFile(Path path, FileStamp stamp, HostingAsns current) {
        this.path = path;
        this.stamp = stamp;
        this.current = current;
    }

    static HostingAsnsFile load(Path path) {
        // Stat before reading: a change while it is read gives the next check another stamp
        FileStamp stamp = FileStamp.orNull(path);
        return new HostingAsnsFile(path, stamp, HostingAsns.file(path));
    }

    HostingAsns current() {
        return current;
    }

    /** Re-reads the file if it changed since the last look; true when the list in use changed. Not thread-safe. */
    boolean refresh() {
        FileStamp now = FileStamp.orNull(path);
        if (Objects.equals(now, stamp)) {
            return false;
        }
        stamp = now;
        try {
            current = HostingAsns.read(path);
            LOG.infof("GeoIP hosting-ASN list %s changed on disk and was read again: %s", path, current.describe());
            return true;
        } catch (IOException e) {
            LOG.warnf("GeoIP hosting-ASN list %s changed on disk but %s: keeping the list in use (%s)", path,
                    e.getMessage(), current.describe());
            return false;
        }
    }
}
