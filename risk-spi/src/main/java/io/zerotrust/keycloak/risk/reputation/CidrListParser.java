package io.zerotrust.keycloak.risk.reputation;

import java.util.List;

import io.zerotrust.keycloak.risk.spi.ListFile;

/**
 * Reads the text of an address list file ({@link ListFile}): one address or CIDR prefix per line. A malformed line
 * is skipped, not fatal, so one typo does not empty a deny list.
 */
public final class CidrListParser {

    private CidrListParser() {
    }

    /**
     * @param lines  the file's lines
     * @param source the file name, for warnings
     */
    public static Parsed parse(List<String> lines, String source) {
        CidrSet.Builder builder = CidrSet.builder();
        ListFile.Counts counts = ListFile.read(lines, source, builder::add);
        return new Parsed(builder.build(), counts.entries(), counts.malformed());
    }

    /**
     * @param set       the valid entries
     * @param entries   number of valid entry lines
     * @param malformed number of skipped lines
     */
    public record Parsed(CidrSet set, int entries, int malformed) {
    }
}
