package io.zerotrust.keycloak.risk.reputation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zerotrust.keycloak.risk.spi.FileStamp;
import org.jboss.logging.Logger;

/**
 * An address list file that follows edits without a restart. {@link #current()} is called on every sign-in, so
 * it stats the file at most once per check interval (a cheap metadata read) and re-reads it only when its
 * {@link FileStamp} changed. Only one caller checks at a time; the others keep using the last content
 * rather than waiting.
 * <p>
 * A missing or unreadable file is logged once (until it becomes readable again) and the previous content is
 * kept, because a deny list that vanishes during a deployment should not silently open the door; a file that was
 * never readable yields an empty list marked unavailable.
 */
public final class ReloadingListFile {

    private static final Logger LOG = Logger.getLogger(ReloadingListFile.class);

    private final Path path;
    private final long intervalMillis;
    private final InstantSource clock;
    private final AtomicBoolean checking = new AtomicBoolean();

    private volatile ListSnapshot snapshot;
    private volatile long nextCheckMillis;
    /** Guarded by {@link #checking} (and the constructor). */
    private FileStamp loaded;
    private boolean failing;
    private boolean everLoaded;

    /**
     * Loads the file at once, so a wrong path is reported at startup.
     *
     * @param checkInterval minimum time between two stats; zero checks on every call
     */
    public ReloadingListFile(Path path, Duration checkInterval, InstantSource clock) {
        this.path = Objects.requireNonNull(path, "path");
        this.intervalMillis = checkInterval.toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.snapshot = ListSnapshot.unavailable(path.toString(), "list file " + path + " has not been read");
        refresh();
        this.nextCheckMillis = clock.millis() + intervalMillis;
    }

    /** The list as of the last check, first checking the file if the interval has passed. */
    public ListSnapshot current() {
        long now = clock.millis();
        if (now >= nextCheckMillis && checking.compareAndSet(false, true)) {
            try {
                nextCheckMillis = now + intervalMillis;
                refresh();
            } finally {
                checking.set(false);
            }
        }
        return snapshot;
    }

    private void refresh() {
        try {
            // Stat before reading: if the file changes while being read, the next check sees a new stamp
            FileStamp stamp = FileStamp.of(path);
            if (stamp.equals(loaded) && !failing) {
                return;
            }
            String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
            CidrListParser.Parsed parsed = CidrListParser.parse(List.of(text.split("\\R", -1)), path.toString());
            snapshot = ListSnapshot.of(path.toString(), parsed.set());
            loaded = stamp;
            if (failing) {
                LOG.infof("list file %s is readable again", path);
            }
            LOG.debugf("loaded list file %s: %d entries, %d malformed", path, parsed.entries(), parsed.malformed());
            failing = false;
            everLoaded = true;
        } catch (IOException | RuntimeException e) {
            String cause = e instanceof NoSuchFileException ? "no such file" : e.toString();
            if (!failing) {
                LOG.warnf("cannot read list file %s (%s); %s", path, cause,
                        everLoaded ? "keeping its previous content" : "the list is empty and reported unavailable");
            }
            failing = true;
            if (!everLoaded) {
                snapshot = ListSnapshot.unavailable(path.toString(), "list file " + path + " could not be read: " + cause);
            }
        }
    }
}
