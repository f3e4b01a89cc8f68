package io.zerotrust.keycloak.events.anomaly;

/**
 * The few facts of one event that the scorer reads. Any field but {@code kind} may be null.
 *
 * @param time         epoch milliseconds
 * @param realmId      realm id
 * @param kind         what the event means to the scorer
 * @param userKey      whose it is: the user id, or for failures of unknown users {@code name:<username>}
 *                     ({@link io.zerotrust.keycloak.risk.velocity.CredentialFailure#userKey})
 * @param userId       the user id when the user is known
 * @param sessionId    user session id
 * @param ip           source address
 * @param network      source network, e.g. {@code AS64500}
 * @param country      source country code
 * @param agentFamily  browser and OS family, e.g. {@code Firefox/Windows}
 */
public record AuthObservation(long time, String realmId, ObservedKind kind, String userKey, String userId,
                              String sessionId, String ip, String network, String country, String agentFamily) {

    /** The network as the failure records name it: the AS number's digits ({@code 64500}), or null. */
    public String asn() {
        return network != null && network.startsWith("AS") ? network.substring(2) : null;
    }
}
