package io.zerotrust.keycloak.bench.replay;

import java.util.Map;
import java.util.Set;

import org.keycloak.Config;

/**
 * Server-wide options of one evaluator as Keycloak would pass them to its factory's {@code init}, from the values
 * given on the command line: so the replay reads options through each factory's own parser.
 */
final class OptionScope extends Config.AbstractScope {

    private final Map<String, String> values;

    OptionScope(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    @Override
    public String get(String key) {
        return values.get(key);
    }

    @Override
    public Config.Scope scope(String... path) {
        return new OptionScope(Map.of());
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Config.Scope root() {
        return this;
    }
}
