package io.zerotrust.keycloak.risk.spi;

import java.util.List;

import org.jboss.logging.Logger;

/**
 * A list file as admins write them (deny and allow lists, Tor exits, hosting networks): one entry per line, {@code #}
 * starts a comment, blank lines are skipped. An entry the caller refuses is skipped with a warning naming the file
 * and line (the first {@value #DETAILED_WARNINGS}, then a count), so that one typo neither stops the server nor
 * empties the list.
 */
public final class ListFile {

    static final int DETAILED_WARNINGS = 10;

    private static final Logger LOG = Logger.getLogger(ListFile.class);

    /** Takes one entry; throws {@link IllegalArgumentException}, saying why, for an entry it refuses. */
    @FunctionalInterface
    public interface EntryReader {
        void read(String entry);
    }

    /** @return how many entries were read and how many skipped */
    public record Counts(int entries, int malformed) {
    }

    private ListFile() {
    }

    /**
     * @param lines  the file's lines
     * @param source the file name, for warnings
     */
    public static Counts read(List<String> lines, String source, EntryReader reader) {
        int entries = 0;
        int malformed = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String entry = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (entry.isEmpty()) {
                continue;
            }
            try {
                reader.read(entry);
                entries++;
            } catch (IllegalArgumentException e) {
                if (++malformed <= DETAILED_WARNINGS) {
                    LOG.warnf("%s:%d: skipping '%s': %s", source, i + 1, entry, e.getMessage());
                }
            }
        }
        if (malformed > 0) {
            LOG.warnf("%s: skipped %d malformed line(s), kept %d entries", source, malformed, entries);
        }
        return new Counts(entries, malformed);
    }
}
