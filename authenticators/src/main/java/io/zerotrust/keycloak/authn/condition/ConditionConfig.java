package io.zerotrust.keycloak.authn.condition;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the values of a condition's stored configuration. Missing config (the admin never opened the settings)
 * reads as empty, so each condition applies its documented defaults.
 */
final class ConditionConfig {

    /** Keycloak's separator for multi-valued strings in authenticator config. */
    private static final String MULTI_SEPARATOR = "##";

    private final Map<String, String> values;

    private ConditionConfig(Map<String, String> values) {
        this.values = values == null ? Map.of() : values;
    }

    static ConditionConfig of(Map<String, String> values) {
        return new ConditionConfig(values);
    }

    /** The trimmed value, or null when missing or blank. */
    String text(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    boolean flag(String key) {
        return Boolean.parseBoolean(text(key));
    }

    /** A multi-valued string as its non-blank entries. Commas stay inside entries: time windows use them for days. */
    List<String> list(String key) {
        String value = text(key);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(MULTI_SEPARATOR))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
