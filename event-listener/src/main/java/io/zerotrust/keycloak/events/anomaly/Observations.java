package io.zerotrust.keycloak.events.anomaly;

import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.risk.learning.LoginVerdict;
import io.zerotrust.keycloak.risk.velocity.CredentialFailure;
import io.zerotrust.keycloak.risk.velocity.RefusalBasis;

/** Reads a {@link SecurityEvent} as the scorer sees it. Not thread-safe (the agent cache). */
final class Observations {

    private final AgentFamilies agents = new AgentFamilies();

    AuthObservation of(SecurityEvent event) {
        ObservedKind kind = kind(event);
        if (kind == ObservedKind.OTHER) {
            return new AuthObservation(event.time(), event.realmId(), kind, null, null, null, null, null, null, null);
        }
        String userKey = CredentialFailure.userKey(event.userId(), event.username());
        return new AuthObservation(event.time(), event.realmId(), kind, userKey, event.userId(), event.sessionId(),
                event.ip(), event.network(), event.country(),
                kind == ObservedKind.LOGIN || kind == ObservedKind.UNVERIFIED_LOGIN ? agents.family(event.userAgent()) : null);
    }

    static ObservedKind kind(SecurityEvent event) {
        if (event.origin() != SecurityEvent.Origin.USER || event.type() == null) {
            return ObservedKind.OTHER;
        }
        return switch (event.type()) {
            case "LOGIN" -> LoginVerdict.teaches(event.details(), false) ? ObservedKind.LOGIN : ObservedKind.UNVERIFIED_LOGIN;
            case "LOGIN_ERROR" -> !CredentialFailure.is(event.type(), event.error(), event.details()) ? ObservedKind.OTHER
                    : RefusalBasis.isLeakEvidence(event.details()) ? ObservedKind.VERIFIED_PASSWORD_REFUSED : ObservedKind.LOGIN_FAILURE;
            case "REFRESH_TOKEN", "TOKEN_EXCHANGE" -> ObservedKind.SESSION_USE;
            case "LOGOUT" -> ObservedKind.LOGOUT;
            default -> ObservedKind.OTHER;
        };
    }
}
