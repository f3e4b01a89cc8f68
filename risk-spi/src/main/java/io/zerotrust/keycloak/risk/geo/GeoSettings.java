package io.zerotrust.keycloak.risk.geo;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.zerotrust.keycloak.risk.spi.OptionReader;

/**
 * Server-wide settings of the {@code geo} evaluator, parsed from option values. A value that cannot be read is
 * reported by the {@link OptionReader} and replaced by its default, so a typo never breaks sign-ins.
 *
 * @param logOdds                 the evidence of each rule
 * @param denyCountries           ISO codes whose sign-ins get {@link GeoRule#COUNTRY_DENIED}
 * @param allowCountries          when non-empty, sign-ins from other countries get {@link GeoRule#COUNTRY_NOT_ALLOWED}
 * @param internalAddressUnavailable whether an internal (private, loopback, ...) client address makes the signal
 *                                unavailable rather than giving no evidence
 * @param correlatedShare         the share of its log-odds a new country, city or network keeps beside a stronger
 *                                reason of the {@link LocationEvidence} group
 */
public record GeoSettings(Map<GeoRule, Double> logOdds, Set<String> denyCountries, Set<String> allowCountries,
                          boolean internalAddressUnavailable, double correlatedShare) {

    public static final String DENY_COUNTRIES = "deny-countries";
    public static final String ALLOW_COUNTRIES = "allow-countries";
    /** {@code no-evidence} (default) or {@code unavailable}. */
    public static final String INTERNAL_ADDRESSES = "internal-addresses";
    public static final String INTERNAL_NO_EVIDENCE = "no-evidence";
    public static final String INTERNAL_UNAVAILABLE = "unavailable";
    /** Share (0-1) of a location reason's log-odds beside a stronger one ({@link LocationEvidence}). */
    public static final String CORRELATED_SHARE = LocationEvidence.SHARE_OPTION;
    /** Country codes are separated by commas and/or white space. */
    private static final Pattern SEPARATOR = Pattern.compile("[,\\s]+");

    public GeoSettings {
        EnumMap<GeoRule, Double> complete = new EnumMap<>(GeoRule.class);
        for (GeoRule rule : GeoRule.values()) {
            complete.put(rule, logOdds.getOrDefault(rule, rule.defaultLogOdds()));
        }
        logOdds = Map.copyOf(complete);
        denyCountries = Set.copyOf(denyCountries);
        allowCountries = Set.copyOf(allowCountries);
    }

    public static GeoSettings defaults() {
        return new GeoSettings(Map.of(), Set.of(), Set.of(), false, LocationEvidence.DEFAULT_SHARE);
    }

    /** Reads the settings, reporting what cannot be read through {@code options}. */
    public static GeoSettings parse(OptionReader options) {
        Map<GeoRule, Double> logOdds = new EnumMap<>(GeoRule.class);
        for (GeoRule rule : GeoRule.values()) {
            logOdds.put(rule, options.logOdds(rule.optionKey(), rule.defaultLogOdds()));
        }
        boolean unavailable = INTERNAL_UNAVAILABLE.equals(options.choice(INTERNAL_ADDRESSES, INTERNAL_NO_EVIDENCE,
                INTERNAL_NO_EVIDENCE, INTERNAL_UNAVAILABLE));
        return new GeoSettings(logOdds, countries(options, DENY_COUNTRIES), countries(options, ALLOW_COUNTRIES),
                unavailable, options.decimal(CORRELATED_SHARE, LocationEvidence.DEFAULT_SHARE, 0.0, 1.0));
    }

    private static Set<String> countries(OptionReader options, String key) {
        Set<String> codes = new LinkedHashSet<>();
        for (String part : options.list(key, SEPARATOR)) {
            String code = part.toUpperCase(Locale.ROOT);
            if (code.matches("[A-Z]{2}")) {
                codes.add(code);
            } else {
                options.invalid(key, part, "expected an ISO 3166-1 alpha-2 code", null);
            }
        }
        return codes;
    }

    public double logOdds(GeoRule rule) {
        return logOdds.get(rule);
    }
}
