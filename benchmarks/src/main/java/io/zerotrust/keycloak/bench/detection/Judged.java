package io.zerotrust.keycloak.bench.detection;

/**
 * A sign-in of the benchmark with both models' verdicts.
 *
 * @param trial    the sign-in and what it is
 * @param pack     the pack's verdict
 * @param baseline the Freeman baseline's verdict
 */
public record Judged(Trial trial, Verdict pack, Verdict baseline) {
}
