package io.zerotrust.keycloak.risk.posture;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.zerotrust.keycloak.risk.device.VersionNumber;

/**
 * Lowest acceptable version per browser or OS family, written {@code Family:version,Family:version}, e.g.
 * {@code Chrome:120,Firefox:115,Safari:17} or {@code Windows:10,Mac OS X:13,iOS:17,Android:13}. Families are
 * uap-core's names and match case-insensitively; a family not listed has no minimum.
 */
public final class MinimumVersions {

    private static final MinimumVersions NONE = new MinimumVersions(Map.of());

    private final Map<String, VersionNumber> minimums;

    private MinimumVersions(Map<String, VersionNumber> minimums) {
        this.minimums = Map.copyOf(minimums);
    }

    public static MinimumVersions none() {
        return NONE;
    }

    /**
     * @throws IllegalArgumentException naming the first entry that does not parse
     */
    public static MinimumVersions parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Map<String, VersionNumber> minimums = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            // Family names hold spaces but no colon, so the last colon separates the version
            int colon = entry.lastIndexOf(':');
            String family = colon < 0 ? "" : entry.substring(0, colon).trim();
            VersionNumber version = colon < 0 ? null : VersionNumber.parse(entry.substring(colon + 1).trim());
            if (family.isEmpty() || version == null) {
                throw new IllegalArgumentException("'" + entry.trim() + "' is not Family:version");
            }
            minimums.put(family.toLowerCase(Locale.ROOT), version);
        }
        return new MinimumVersions(minimums);
    }

    /** The minimum for a family, or null when it has none. */
    public VersionNumber minimumFor(String family) {
        return family == null ? null : minimums.get(family.toLowerCase(Locale.ROOT));
    }

    /** Whether the version is known and below its family's minimum; an unknown version is not judged. */
    public boolean isOutdated(String family, VersionNumber version) {
        VersionNumber minimum = minimumFor(family);
        return minimum != null && version != null && version.isOlderThan(minimum);
    }

    public boolean isEmpty() {
        return minimums.isEmpty();
    }
}
