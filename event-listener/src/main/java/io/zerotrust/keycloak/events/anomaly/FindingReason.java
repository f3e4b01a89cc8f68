package io.zerotrust.keycloak.events.anomaly;

/**
 * One reason behind a finding: a stable code for machines and a sentence for analysts.
 *
 * @param code e.g. {@code NEW_COUNTRY}
 * @param text e.g. "country DE not seen in 20 sign-ins of this user"
 */
public record FindingReason(String code, String text) {
}
