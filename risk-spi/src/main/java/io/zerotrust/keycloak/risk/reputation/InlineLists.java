package io.zerotrust.keycloak.risk.reputation;

import java.util.Arrays;
import java.util.List;

import io.zerotrust.keycloak.risk.spi.OptionReader;

/**
 * Addresses and CIDR prefixes written into the options themselves ({@code allow-list}, {@code deny-list}), which a
 * realm may set on its Zero Trust page: a tenant's own trusted office or blocked range, beside the server's list
 * files. They count exactly as entries of the files do.
 */
public record InlineLists(CidrSet allow, CidrSet deny) {

    public static final InlineLists NONE = new InlineLists(CidrSet.empty(), CidrSet.empty());

    /** Reads both options (entries separated by commas or white space); a malformed entry is a problem, skipped. */
    public static InlineLists read(OptionReader options, String allowKey, String denyKey) {
        return new InlineLists(set(options, allowKey), set(options, denyKey));
    }

    private static CidrSet set(OptionReader options, String key) {
        String value = options.string(key);
        if (value == null) {
            return CidrSet.empty();
        }
        List<String> entries = Arrays.stream(value.split("[,\\s]+")).filter(entry -> !entry.isBlank()).toList();
        CidrListParser.Parsed parsed = CidrListParser.parse(entries, "option " + key);
        if (parsed.malformed() > 0) {
            options.problem(String.format("option %s: %d of %d entries are not addresses or CIDR prefixes",
                    key, parsed.malformed(), entries.size()));
        }
        return parsed.set();
    }
}
