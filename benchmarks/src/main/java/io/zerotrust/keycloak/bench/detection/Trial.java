package io.zerotrust.keycloak.bench.detection;

/**
 * A sign-in of the benchmark with what it is.
 *
 * @param login    the sign-in
 * @param attacker the attacker model, or null for a legitimate sign-in
 * @param history  the user's legitimate logins before it
 */
public record Trial(LoginRecord login, AttackerModel attacker, int history) {
}
