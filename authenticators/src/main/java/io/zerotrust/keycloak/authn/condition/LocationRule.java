package io.zerotrust.keycloak.authn.condition;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.zerotrust.keycloak.risk.spi.OptionReader;

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
    /** Between the stored entries (Keycloak's {@code ##}) and, within an entry, commas or spaces. */
    private static final Pattern ENTRIES = Pattern.compile("##|[,\\s]+");

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
     * by habit. Codes that are not two letters are skipped, and a mode that is neither in nor not-in replaced by
     * {@code in}, and reported to {@code config}.
     */
    public static LocationRule read(OptionReader config) {
        Set<String> codes = new LinkedHashSet<>();
        for (String entry : config.list(LocationConditionFactory.CONFIG_COUNTRIES, ENTRIES)) {
            String code = entry.toUpperCase(Locale.ROOT);
            if (COUNTRY_CODE.matcher(code).matches()) {
                codes.add(code);
            } else {
                config.invalid(LocationConditionFactory.CONFIG_COUNTRIES, entry,
                        "expected a two-letter ISO 3166-1 code such as DE", null);
            }
        }
        String mode = config.choice(LocationConditionFactory.CONFIG_MODE, DEFAULT_MODE.key,
                Arrays.stream(Mode.values()).map(Mode::key).toArray(String[]::new));
        return new LocationRule(codes, Arrays.stream(Mode.values()).filter(m -> m.key.equals(mode)).findFirst().orElseThrow());
    }
}
