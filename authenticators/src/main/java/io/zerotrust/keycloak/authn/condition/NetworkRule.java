package io.zerotrust.keycloak.authn.condition;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.zerotrust.keycloak.risk.geo.GeoRule;
import io.zerotrust.keycloak.risk.reputation.IpReputationEvaluator;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import io.zerotrust.keycloak.risk.velocity.LoginFailuresEvaluator;

/**
 * Decides whether what the network evaluators found about the client address is one of the configured reason
 * codes. The defaults are the refusals that depend on the network alone: the admin's deny list, Tor exits (by
 * either source) and denied or not-allowed countries.
 *
 * @param codes reason codes, upper case
 */
public record NetworkRule(Set<String> codes) {

    public static final List<String> DEFAULT_CODES = List.of(IpReputationEvaluator.DENY_LISTED,
            IpReputationEvaluator.TOR_EXIT, GeoRule.TOR_EXIT.code(), GeoRule.COUNTRY_DENIED.code(),
            GeoRule.COUNTRY_NOT_ALLOWED.code());

    /**
     * Per-source failure reasons of login-failures that may be configured, never by default: traffic from a shared
     * address (a corporate NAT) or a whole network would refuse everyone else there.
     */
    public static final Set<String> SOURCE_FAILURE_CODES = Set.of(LoginFailuresEvaluator.SPRAY_IP,
            LoginFailuresEvaluator.STUFFING_IP, LoginFailuresEvaluator.STUFFING_NETWORK);

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    public NetworkRule {
        codes = Set.copyOf(codes);
    }

    /** Whether the rule names a per-source failure reason, so failures from the address must be counted. */
    public boolean needsSourceFailures() {
        return codes.stream().anyMatch(SOURCE_FAILURE_CODES::contains);
    }

    /** The found codes that are configured, in the order found. */
    public List<String> matching(Collection<String> found) {
        return found.stream().filter(codes::contains).distinct().toList();
    }

    /** Reads the {@value NetworkConditionFactory#CONFIG_REASONS} setting of a flow step's stored config (null: none). */
    public static NetworkRule fromConfig(Map<String, String> config, Consumer<String> warn) {
        return read(OptionReader.collecting(NetworkConditionFactory.PROVIDER_ID, config)
                .list(NetworkConditionFactory.CONFIG_REASONS, ZeroTrustCondition.MULTI_VALUE), warn);
    }

    /**
     * Reads the stored config; an entry may hold several codes separated by commas or spaces. No entry means the
     * defaults; entries that are not reason codes are skipped and reported to {@code warn}.
     */
    public static NetworkRule read(Collection<String> entries, Consumer<String> warn) {
        Set<String> codes = new LinkedHashSet<>();
        for (String entry : entries.stream().flatMap(e -> Arrays.stream(e.split("[,\\s]+"))).filter(e -> !e.isBlank()).toList()) {
            String code = entry.trim().toUpperCase(Locale.ROOT);
            if (CODE.matcher(code).matches()) {
                codes.add(code);
            } else {
                warn.accept("reason code '" + entry + "' is not a code such as IP_TOR_EXIT; ignored");
            }
        }
        return new NetworkRule(codes.isEmpty() ? Set.copyOf(DEFAULT_CODES) : codes);
    }
}
