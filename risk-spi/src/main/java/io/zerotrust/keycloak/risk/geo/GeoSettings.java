package io.zerotrust.keycloak.risk.geo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Server-wide settings of the {@code geo} evaluator, parsed from option values. A value that cannot be read is
 * reported in {@link #problems()} and replaced by its default, so a typo never breaks sign-ins.
 *
 * @param logOdds                 the evidence of each rule
 * @param denyCountries           ISO codes whose sign-ins get {@link GeoRule#COUNTRY_DENIED}
 * @param allowCountries          when non-empty, sign-ins from other countries get {@link GeoRule#COUNTRY_NOT_ALLOWED}
 * @param internalAddressUnavailable whether an internal (private, loopback, ...) client address makes the signal
 *                                unavailable rather than giving no evidence
 * @param problems                what could not be read, for the log
 */
public record GeoSettings(Map<GeoRule, Double> logOdds, Set<String> denyCountries, Set<String> allowCountries,
                          boolean internalAddressUnavailable, List<String> problems) {

    public static final String DENY_COUNTRIES = "deny-countries";
    public static final String ALLOW_COUNTRIES = "allow-countries";
    /** {@code no-evidence} (default) or {@code unavailable}. */
    public static final String INTERNAL_ADDRESSES = "internal-addresses";
    public static final String INTERNAL_NO_EVIDENCE = "no-evidence";
    public static final String INTERNAL_UNAVAILABLE = "unavailable";

    public GeoSettings {
        EnumMap<GeoRule, Double> complete = new EnumMap<>(GeoRule.class);
        for (GeoRule rule : GeoRule.values()) {
            complete.put(rule, logOdds.getOrDefault(rule, rule.defaultLogOdds()));
        }
        logOdds = Map.copyOf(complete);
        denyCountries = Set.copyOf(denyCountries);
        allowCountries = Set.copyOf(allowCountries);
        problems = List.copyOf(problems);
    }

    public static GeoSettings defaults() {
        return parse(key -> null);
    }

    /** Reads the settings through {@code option} (option key to raw value, null when unset). */
    public static GeoSettings parse(Function<String, String> option) {
        List<String> problems = new ArrayList<>();
        Map<GeoRule, Double> logOdds = new EnumMap<>(GeoRule.class);
        for (GeoRule rule : GeoRule.values()) {
            String raw = option.apply(rule.optionKey());
            if (raw == null || raw.isBlank()) {
                continue;
            }
            try {
                double value = Double.parseDouble(raw.trim());
                if (!Double.isFinite(value)) {
                    throw new NumberFormatException("not finite");
                }
                logOdds.put(rule, value);
            } catch (NumberFormatException e) {
                problems.add(rule.optionKey() + ": '" + raw + "' is not a number; using " + rule.defaultLogOdds());
            }
        }
        Set<String> deny = countries(option.apply(DENY_COUNTRIES), DENY_COUNTRIES, problems);
        Set<String> allow = countries(option.apply(ALLOW_COUNTRIES), ALLOW_COUNTRIES, problems);
        String internal = option.apply(INTERNAL_ADDRESSES);
        boolean unavailable = false;
        if (internal != null && !internal.isBlank()) {
            String value = internal.trim().toLowerCase(Locale.ROOT);
            if (value.equals(INTERNAL_UNAVAILABLE)) {
                unavailable = true;
            } else if (!value.equals(INTERNAL_NO_EVIDENCE)) {
                problems.add(INTERNAL_ADDRESSES + ": '" + internal + "' is neither " + INTERNAL_NO_EVIDENCE + " nor "
                        + INTERNAL_UNAVAILABLE + "; using " + INTERNAL_NO_EVIDENCE);
            }
        }
        return new GeoSettings(logOdds, deny, allow, unavailable, problems);
    }

    private static Set<String> countries(String raw, String key, List<String> problems) {
        Set<String> codes = new LinkedHashSet<>();
        if (raw == null) {
            return codes;
        }
        for (String part : raw.split("[,\\s]+")) {
            String code = part.trim().toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (code.matches("[A-Z]{2}")) {
                codes.add(code);
            } else {
                problems.add(key + ": '" + part + "' is not an ISO 3166-1 alpha-2 code; ignored");
            }
        }
        return codes;
    }

    public double logOdds(GeoRule rule) {
        return logOdds.get(rule);
    }
}
