package io.zerotrust.keycloak.risk.reputation;

import java.util.List;

import org.jboss.logging.Logger;

/**
 * Reads the text of an address list file: one address or CIDR prefix per line, {@code #} starts a comment (whole
 * line or after an entry), blank lines are ignored. A malformed line is skipped, not fatal, so one typo does not
 * empty a deny list; each is logged with the file and line number (the first {@value #DETAILED_WARNINGS}, then a
 * count, so a wrong file does not flood the log).
 */
public final class CidrListParser {

    static final int DETAILED_WARNINGS = 10;

    private static final Logger LOG = Logger.getLogger(CidrListParser.class);

    private CidrListParser() {
    }

    /**
     * @param lines  the file's lines
     * @param source the file name, for warnings
     */
    public static Parsed parse(List<String> lines, String source) {
        CidrSet.Builder builder = CidrSet.builder();
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
                builder.add(entry);
                entries++;
            } catch (IllegalArgumentException e) {
                malformed++;
                if (malformed <= DETAILED_WARNINGS) {
                    LOG.warnf("%s:%d: skipping '%s': %s", source, i + 1, entry, e.getMessage());
                }
            }
        }
        if (malformed > 0) {
            LOG.warnf("%s: skipped %d malformed line(s), kept %d entries", source, malformed, entries);
        }
        return new Parsed(builder.build(), entries, malformed);
    }

    /**
     * @param set       the valid entries
     * @param entries   number of valid entry lines
     * @param malformed number of skipped lines
     */
    public record Parsed(CidrSet set, int entries, int malformed) {
    }
}
