package io.zerotrust.keycloak.risk.geo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import io.zerotrust.keycloak.risk.spi.FileStamp;
import org.jboss.logging.Logger;

/**
 * The admin's hosting-ASN list file, followed like the GeoIP databases: read again when its {@link FileStamp}
 * changed, and on every check while it cannot be used (a fix of its permissions changes no stamp). A file that
 * cannot be read or lists no AS number is logged once, as an error, and leaves the list in use: at startup the
 * shipped one, so a broken file never weakens the check silently nor fails a sign-in; later the admin's last good
 * one, since a list being copied into place, or removed by mistake, must not swap their networks for the shipped
 * ones mid-run.
 */
final class HostingAsnsFile {

    private static final Logger LOG = Logger.getLogger(HostingAsnsFile.class);

    private final Path path;
    private FileStamp stamp;
    private HostingAsns current;
    private boolean failing;

    private HostingAsnsFile(Path path) {
        this.path = path;
    }

    static HostingAsnsFile load(Path path) {
        HostingAsnsFile file = new HostingAsnsFile(path);
        if (!file.read(FileStamp.orNull(path))) {
            file.current = HostingAsns.shipped();
        }
        return file;
    }

    HostingAsns current() {
        return current;
    }

    /** Reads the file again if it changed or could not be used; true when the list in use changed. Not thread-safe. */
    boolean refresh() {
        FileStamp now = FileStamp.orNull(path);
        if (!failing && Objects.equals(now, stamp)) {
            return false;
        }
        HostingAsns before = current;
        return read(now) && current != before;
    }

    /** @param stamp the file's stamp, taken before reading: a change while it is read gives the next check another */
    private boolean read(FileStamp stamp) {
        this.stamp = stamp;
        try {
            HostingAsns read = HostingAsns.read(path);
            if (current != null) {
                LOG.infof("GeoIP hosting-ASN list %s changed on disk and was read again: %s", path, read.describe());
            }
            current = read;
            failing = false;
            return true;
        } catch (IOException e) {
            if (!failing) {
                LOG.errorf("GeoIP hosting-ASN list %s %s: using %s until it is fixed", path, e.getMessage(),
                        current == null ? "the shipped list" : "the list read before (" + current.describe() + ")");
            }
            failing = true;
            return false;
        }
    }
}
