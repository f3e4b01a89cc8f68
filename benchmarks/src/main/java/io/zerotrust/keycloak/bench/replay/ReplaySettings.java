package io.zerotrust.keycloak.bench.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.zerotrust.keycloak.bench.detection.PackScorer;
import io.zerotrust.keycloak.bench.detection.SignInFacts;
import io.zerotrust.keycloak.risk.block.BlockEvaluatorFactory;
import io.zerotrust.keycloak.risk.device.DeviceEvaluatorFactory;
import io.zerotrust.keycloak.risk.engine.RiskEvaluator;
import io.zerotrust.keycloak.risk.engine.RiskPolicy;
import io.zerotrust.keycloak.risk.geo.GeoEvaluatorFactory;
import io.zerotrust.keycloak.risk.reputation.IpReputationEvaluatorFactory;
import io.zerotrust.keycloak.risk.spi.MapScope;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProviderFactory;
import io.zerotrust.keycloak.risk.time.TimeEvaluatorFactory;
import io.zerotrust.keycloak.risk.travel.ImpossibleTravelEvaluatorFactory;
import io.zerotrust.keycloak.risk.velocity.LoginFailuresEvaluatorFactory;
import io.zerotrust.keycloak.risk.velocity.FailureWindow;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * One set of settings a replay judges the history with: the engine's policy ({@code zt-risk-assessment}'s
 * {@code mediumAt}, {@code highAt}, {@code weights}) and the evaluators' own options under their server-wide keys.
 * The evaluators are made by their factories from those options ({@code init}, then {@code create} outside a realm),
 * so an option means exactly what it means on the server.
 *
 * @param name    label in the report
 * @param policy  thresholds and weights
 * @param options evaluator id to its option values
 */
public record ReplaySettings(String name, RiskPolicy policy, Map<String, Map<String, String>> options) {

    /** The evaluators replayed, in the server's order; {@code device-posture} and {@code anomaly-mark} need what no event carries. */
    static final Map<String, Supplier<RiskEvaluatorProviderFactory>> FACTORIES = factories();

    public ReplaySettings {
        Map<String, Map<String, String>> copy = new TreeMap<>();
        options.forEach((id, values) -> copy.put(id, Map.copyOf(values)));
        options = Map.copyOf(copy);
    }

    private static Map<String, Supplier<RiskEvaluatorProviderFactory>> factories() {
        Map<String, Supplier<RiskEvaluatorProviderFactory>> factories = new LinkedHashMap<>();
        factories.put("geo", GeoEvaluatorFactory::new);
        factories.put("impossible-travel", ImpossibleTravelEvaluatorFactory::new);
        factories.put("device", DeviceEvaluatorFactory::new);
        factories.put("time", TimeEvaluatorFactory::new);
        factories.put("login-failures", LoginFailuresEvaluatorFactory::new);
        factories.put("ip-reputation", IpReputationEvaluatorFactory::new);
        factories.put("address-block", BlockEvaluatorFactory::new);
        return factories;
    }

    /** The pack with these settings over a recorded history; it learns what these settings would have verified. */
    public PackScorer scorer(SignInFacts facts) {
        List<RiskEvaluator> evaluators = new ArrayList<>();
        FailureWindow window = null;
        for (Map.Entry<String, Supplier<RiskEvaluatorProviderFactory>> entry : FACTORIES.entrySet()) {
            RiskEvaluatorProviderFactory factory = entry.getValue().get();
            factory.init(new MapScope(options.getOrDefault(entry.getKey(), Map.of())));
            evaluators.add(factory.create(null));
            if (factory instanceof LoginFailuresEvaluatorFactory failures) {
                window = failures.failureWindow();
            }
        }
        return new PackScorer(name, evaluators, policy, window, facts, PackScorer.Learning.WOULD_BE_VERIFIED);
    }

    /** What differs from the defaults, e.g. {@code mediumAt=40 device.unknown-log-odds=1.0}; "defaults" when nothing. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        RiskPolicy defaults = RiskPolicy.defaults();
        if (policy.mediumAt() != defaults.mediumAt()) {
            parts.add("mediumAt=" + policy.mediumAt());
        }
        if (policy.highAt() != defaults.highAt()) {
            parts.add("highAt=" + policy.highAt());
        }
        if (!policy.weights().isEmpty()) {
            parts.add("weights=" + new TreeMap<>(policy.weights()).entrySet().stream()
                    .map(e -> e.getKey() + ":" + String.format(Locale.ROOT, "%s", e.getValue()))
                    .collect(Collectors.joining(",")));
        }
        options.forEach((id, values) -> new TreeMap<>(values).forEach((key, value) -> parts.add(id + "." + key + "=" + value)));
        return parts.isEmpty() ? "defaults" : String.join(" ", parts);
    }

    /**
     * Checks evaluator ids, option keys (those the factory declares) and values (through the factory's own parser,
     * as the Zero Trust page does); throws with every problem found.
     */
    static void check(Map<String, Map<String, String>> options) {
        List<String> problems = new ArrayList<>();
        options.forEach((id, values) -> {
            Supplier<RiskEvaluatorProviderFactory> supplier = FACTORIES.get(id);
            if (supplier == null) {
                problems.add("unknown evaluator '" + id + "' (replayed: " + String.join(", ", FACTORIES.keySet()) + ")");
                return;
            }
            RiskEvaluatorProviderFactory factory = supplier.get();
            Set<String> keys = factory.getConfigMetadata().stream().map(ProviderConfigProperty::getName)
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            values.keySet().stream().filter(key -> !keys.contains(key)).forEach(key ->
                    problems.add(id + ": unknown option '" + key + "' (options: " + String.join(", ", keys) + ")"));
            factory.realmOptionProblems(values).forEach(problem -> problems.add(id + ": " + problem));
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }
}
