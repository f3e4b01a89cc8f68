package io.zerotrust.keycloak.risk.geo;

import java.util.Locale;

/** English country names for ISO codes, for data that stores the code only (DB-IP flat, the last-login record). */
public final class CountryNames {

    private CountryNames() {
    }

    /** The English name, or the code itself when the JDK does not know it. */
    public static String english(String isoCode) {
        if (isoCode == null || isoCode.isBlank()) {
            return null;
        }
        String code = isoCode.trim().toUpperCase(Locale.ROOT);
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name == null || name.isBlank() ? code : name;
    }
}
