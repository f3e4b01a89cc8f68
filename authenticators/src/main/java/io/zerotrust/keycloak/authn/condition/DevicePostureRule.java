package io.zerotrust.keycloak.authn.condition;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.zerotrust.keycloak.risk.spi.RiskNotes;

/**
 * Decides whether the assessment's reasons name any of the configured device problems. Without an assessment
 * the device's posture is unknown, which counts as a problem (fail secure).
 *
 * @param codes the reason codes that count as a device problem
 */
public record DevicePostureRule(Set<String> codes) {

    /** The reasons that say a device is unverified or out of date. */
    public static final List<String> DEFAULT_CODES = List.of("POSTURE_BAD_SIGNATURE", "POSTURE_MISSING", "POSTURE_STALE",
            "POSTURE_REPLAYED", "POSTURE_UNBOUND", "POSTURE_CLAIM_FAILED", "BROWSER_OUTDATED", "OS_OUTDATED");

    public DevicePostureRule {
        codes = Set.copyOf(codes);
    }

    /** The configured codes, or {@link #DEFAULT_CODES} when none are configured. */
    public static DevicePostureRule of(Collection<String> configured) {
        List<String> codes = configured.stream().map(String::trim).filter(c -> !c.isEmpty()).toList();
        return new DevicePostureRule(Set.copyOf(codes.isEmpty() ? DEFAULT_CODES : codes));
    }

    /** @param reasonsNote the comma-separated reason codes of the assessment, or null when none ran */
    public boolean matches(String reasonsNote) {
        if (reasonsNote == null) {
            return true;
        }
        return RiskNotes.codes(reasonsNote).stream().anyMatch(codes::contains);
    }
}
