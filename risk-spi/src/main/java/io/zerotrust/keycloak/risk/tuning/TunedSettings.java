package io.zerotrust.keycloak.risk.tuning;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.zerotrust.keycloak.risk.spi.OptionReader;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * One evaluator's parsed settings for each realm: a realm's value of an option wins over the server-wide option,
 * which wins over the built-in default. The evaluator's own parser reads both, through one layered source, so
 * there is one way to read an option. Parsed settings are kept per distinct set of realm values, so a sign-in
 * re-parses nothing; keyed by content, a changed value (on any node of a cluster) is simply another key.
 *
 * @param <T> what the parser makes of the options (settings, or the evaluator built from them)
 */
public final class TunedSettings<T> {

    /** Distinct realm configurations kept parsed; beyond it the cache starts afresh (realms re-parse once). */
    static final int MAX_CACHED = 512;

    private final String evaluatorId;
    private final Function<OptionReader, T> parser;
    private final Set<String> serverOnlyKeys;
    private final Map<Map<String, String>, T> byRealmValues = new ConcurrentHashMap<>();
    private volatile Function<String, String> server = key -> null;
    private volatile T serverWide;

    /**
     * @param parser         reads the evaluator's options, reporting what it cannot read through the options it is given
     * @param serverOnlyKeys options a realm may not set (server files): a realm's value of one is never read
     */
    public TunedSettings(String evaluatorId, Function<OptionReader, T> parser, String... serverOnlyKeys) {
        this.evaluatorId = Objects.requireNonNull(evaluatorId, "evaluatorId");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.serverOnlyKeys = Set.of(serverOnlyKeys);
        this.serverWide = parser.apply(new OptionReader(OptionReader.evaluator(evaluatorId), server));
    }

    /** Reads the server-wide options (logging what it cannot read) and forgets every realm's parse. */
    public void init(Config.Scope scope) {
        init(scope == null ? key -> null : scope::get);
    }

    /** As {@link #init(Config.Scope)}, from option values by key. */
    public void init(Function<String, String> serverOptions) {
        server = serverOptions;
        serverWide = parser.apply(new OptionReader(OptionReader.evaluator(evaluatorId), serverOptions));
        byRealmValues.clear();
    }

    /** The settings from the server-wide options alone. */
    public T serverWide() {
        return serverWide;
    }

    /** The settings of the session's realm; the server-wide ones outside a realm. */
    public T current(KeycloakSession session) {
        return forRealm(session == null ? null : session.getContext().getRealm());
    }

    public T forRealm(RealmModel realm) {
        return realm == null ? serverWide : forValues(RealmTuning.overrides(realm, evaluatorId));
    }

    /** The settings for a realm's own values (option key to value). */
    public T forValues(Map<String, String> values) {
        Map<String, String> realmValues = realmSettable(values);
        if (realmValues.isEmpty()) {
            return serverWide;
        }
        if (byRealmValues.size() >= MAX_CACHED) {
            byRealmValues.clear();
        }
        return byRealmValues.computeIfAbsent(Map.copyOf(realmValues),
                own -> parser.apply(new OptionReader(OptionReader.evaluator(evaluatorId), layered(own, server))));
    }

    /** What the parser cannot read among a realm's own values, judged without the server-wide ones. */
    public List<String> problems(Map<String, String> values) {
        Map<String, String> realmValues = realmSettable(values);
        OptionReader options = OptionReader.collecting(evaluatorId, realmValues::get);
        parser.apply(options);
        return options.problems();
    }

    /** The options a realm may set, from the server-wide options' metadata. */
    public List<ProviderConfigProperty> realmOptions(List<ProviderConfigProperty> metadata) {
        return RealmOptions.except(metadata, serverOnlyKeys.toArray(String[]::new));
    }

    /** Without server-only keys: a realm must not make the server read a file of its choosing. */
    private Map<String, String> realmSettable(Map<String, String> values) {
        if (serverOnlyKeys.stream().noneMatch(values::containsKey)) {
            return values;
        }
        Map<String, String> settable = new java.util.HashMap<>(values);
        settable.keySet().removeAll(serverOnlyKeys);
        return settable;
    }

    /** The realm's value where it has a non-blank one, else the server's. */
    static Function<String, String> layered(Map<String, String> realmValues, Function<String, String> server) {
        return key -> {
            String value = realmValues.get(key);
            return value != null && !value.isBlank() ? value : server.apply(key);
        };
    }
}
