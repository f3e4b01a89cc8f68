package io.zerotrust.keycloak.authn.condition;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Decides whether the sign-in's country is (or is not) one of the configured ones. An unknown country never
 * counts as listed: it does not match {@code in} and does match {@code not-in}, so an address GeoIP cannot place
 * is treated like one from an unlisted country (fail secure for "require MFA unless in ..." and
 * "deny when not in ..." alike).
 *
 * @param countries ISO 3166-1 alpha-2 codes, upper case
 * @param mode      whether the country must be in or not in {@code countries}
 */
public record LocationRule(Set<String> countries, Mode mode) {

    /** The stored values of the {@code mode} setting. */
    public enum Mode {
        IN("in"),
        NOT_IN("not-in");

        private final String key;

        Mode(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public static final Mode DEFAULT_MODE = Mode.IN;

    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

    public LocationRule {
        countries = Set.copyOf(countries);
    }

    /** @param countryCode the sign-in's ISO code in any case, or null when unknown */
    public boolean matches(String countryCode) {
        boolean listed = countryCode != null && countries.contains(countryCode.trim().toUpperCase(Locale.ROOT));
        return mode == Mode.IN ? listed : !listed;
    }

    /**
     * Reads the stored config; an entry may hold several codes separated by commas or spaces, as admins type them
     * by habit. Codes that are not two letters are skipped and reported to {@code warn}.
     */
    public static LocationRule read(Collection<String> countries, String mode, Consumer<String> warn) {
        Set<String> codes = new LinkedHashSet<>();
        for (String entry : countries.stream().flatMap(e -> Arrays.stream(e.split("[,\\s]+"))).filter(e -> !e.isBlank()).toList()) {
            String code = entry.trim().toUpperCase(Locale.ROOT);
            if (COUNTRY_CODE.matcher(code).matches()) {
                codes.add(code);
            } else {
                warn.accept("country '" + entry + "' is not a two-letter ISO 3166-1 code such as DE; ignored");
            }
        }
        return new LocationRule(codes, readMode(mode, warn));
    }

    private static Mode readMode(String value, Consumer<String> warn) {
        if (value == null || value.isBlank()) {
            return DEFAULT_MODE;
        }
        for (Mode m : Mode.values()) {
            if (m.key.equalsIgnoreCase(value.trim())) {
                return m;
            }
        }
        warn.accept("mode '" + value + "' is not in or not-in; using " + DEFAULT_MODE.key);
        return DEFAULT_MODE;
    }
}
