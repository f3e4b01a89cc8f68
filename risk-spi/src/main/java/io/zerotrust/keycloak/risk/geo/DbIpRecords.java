package io.zerotrust.keycloak.risk.geo;

import java.util.Locale;
import java.util.Map;

/**
 * Turns a raw DB-IP record into a {@link Place}. DB-IP Lite files come in two shapes: a flat one
 * (top-level {@code country_code}, {@code state1}, {@code city}, {@code latitude}, {@code longitude}) and a
 * GeoIP2-compatible nested one; both are read here so the admin need not know which one was downloaded.
 */
final class DbIpRecords {

    private DbIpRecords() {
    }

    static Place toPlace(Map<?, ?> record) {
        if (record.containsKey("country_code") || record.containsKey("latitude")) {
            String code = upper(text(record.get("country_code")));
            return new Place(code, CountryNames.english(code), text(record.get("city")),
                    number(record.get("latitude")), number(record.get("longitude")), null);
        }
        Map<?, ?> country = map(record.get("country"));
        Map<?, ?> city = map(record.get("city"));
        Map<?, ?> location = map(record.get("location"));
        String code = upper(text(country.get("iso_code")));
        String countryName = englishName(country);
        Double radius = number(location.get("accuracy_radius"));
        return new Place(code, countryName != null ? countryName : CountryNames.english(code), englishName(city),
                number(location.get("latitude")), number(location.get("longitude")),
                radius == null ? null : radius.intValue());
    }

    private static String englishName(Map<?, ?> named) {
        return text(map(named.get("names")).get("en"));
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    private static String text(Object value) {
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        return null;
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
