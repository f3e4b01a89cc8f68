package io.zerotrust.keycloak.risk.geo;

import java.util.Locale;

/** English country names for ISO codes, for data that stores the code only (DB-IP flat, the last-login record). */
public final class CountryNames {

    /** The JDK builds a display name in a few hundred nanoseconds; there are only ~250 codes, so keep them. */
    private static final java.util.Map<String, String> NAMES = new java.util.concurrent.ConcurrentHashMap<>();

    private CountryNames() {
    }

    /** The English name, or the code itself when the JDK does not know it. */
    public static String english(String isoCode) {
        if (isoCode == null || isoCode.isBlank()) {
            return null;
        }
        String code = isoCode.trim().toUpperCase(Locale.ROOT);
        if (code.length() != 2) {
            return code;
        }
        return NAMES.computeIfAbsent(code, c -> {
            String name = new Locale("", c).getDisplayCountry(Locale.ENGLISH);
            return name == null || name.isBlank() ? c : name;
        });
    }
}
