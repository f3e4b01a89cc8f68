package io.zerotrust.keycloak.risk.spi;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * What an evaluator runs with, option by option, and where each value comes from: the realm's own value (its Zero
 * Trust page), the server-wide option, or the built-in default. For people reading the pack's state; the evaluators
 * themselves read their options through their own parsers.
 */
public final class EffectiveOptions {

    /** One option's value and its source: {@code realm}, {@code server} or {@code default}. */
    public record Option(String value, String source) {
    }

    private EffectiveOptions() {
    }

    /** The options of a factory's metadata with the server-wide values Keycloak was started with. */
    public static Map<String, Option> of(RiskEvaluatorProviderFactory factory, Map<String, String> realmValues) {
        Config.Scope scope = Config.scope(RiskEvaluatorSpi.NAME, factory.getId());
        return of(factory, realmValues, key -> scope == null ? null : scope.get(key));
    }

    static Map<String, Option> of(RiskEvaluatorProviderFactory factory, Map<String, String> realmValues,
                                  Function<String, String> server) {
        Map<String, Option> options = new LinkedHashMap<>();
        // A realm's value counts only for options a realm may set (never a server file, whatever an import holds)
        Set<String> settable = new HashSet<>();
        factory.realmOptions().forEach(property -> settable.add(property.getName()));
        for (ProviderConfigProperty property : factory.getConfigMetadata()) {
            String key = property.getName();
            String realm = realmValues == null || !settable.contains(key) ? null : realmValues.get(key);
            String serverValue = server.apply(key);
            if (realm != null && !realm.isBlank()) {
                options.put(key, new Option(realm.trim(), "realm"));
            } else if (serverValue != null && !serverValue.isBlank()) {
                options.put(key, new Option(serverValue.trim(), "server"));
            } else {
                Object fallback = property.getDefaultValue();
                options.put(key, new Option(fallback == null ? "" : fallback.toString(), "default"));
            }
        }
        return options;
    }
}
