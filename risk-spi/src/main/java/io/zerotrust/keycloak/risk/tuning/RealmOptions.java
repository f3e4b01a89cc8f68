package io.zerotrust.keycloak.risk.tuning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.keycloak.provider.ProviderConfigProperty;

/** Helpers for an evaluator factory's {@code realmOptions()}: its server-wide option metadata, as a realm may set it. */
public final class RealmOptions {

    private RealmOptions() {
    }

    /** Every option of {@code metadata} except the server-side ones (files, reload intervals). */
    public static List<ProviderConfigProperty> except(List<ProviderConfigProperty> metadata, String... serverOnlyKeys) {
        Set<String> excluded = Set.of(serverOnlyKeys);
        return metadata.stream().filter(property -> !excluded.contains(property.getName())).map(RealmOptions::copy)
                .collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
    }

    /** Turns option {@code key} into a choice of several of {@code choices} (stored as a list, read comma-separated). */
    public static List<ProviderConfigProperty> withChoices(List<ProviderConfigProperty> options, String key, List<String> choices) {
        options.stream().filter(property -> property.getName().equals(key)).forEach(property -> {
            property.setType(ProviderConfigProperty.MULTIVALUED_LIST_TYPE);
            property.setOptions(choices);
        });
        return options;
    }

    /** The ISO 3166-1 alpha-2 country codes, for settings that name countries. */
    public static List<String> countryCodes() {
        return Arrays.stream(Locale.getISOCountries()).sorted().toList();
    }

    private static ProviderConfigProperty copy(ProviderConfigProperty property) {
        ProviderConfigProperty copy = new ProviderConfigProperty(property.getName(), property.getLabel(),
                property.getHelpText(), property.getType(), property.getDefaultValue(), property.isSecret());
        copy.setOptions(property.getOptions() == null ? null : new ArrayList<>(property.getOptions()));
        return copy;
    }
}
