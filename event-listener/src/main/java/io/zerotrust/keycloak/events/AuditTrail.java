package io.zerotrust.keycloak.events;

import java.util.Optional;

import io.zerotrust.keycloak.events.listener.ZeroTrustEventListenerFactory;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Where the pack's own audit records go (an analyst's verdict, a role activation, a conflict of duties):
 * {@code zt-events} implements it and exports them to the SOC with the events.
 */
public interface AuditTrail {

    /** Records the event in the request's own transaction: exported only if the request commits. */
    void record(KeycloakSession session, SecurityEvent event);

    /** The server's audit trail, empty where {@code zt-events} is not installed. */
    static Optional<AuditTrail> of(KeycloakSessionFactory factory) {
        return factory.getProviderFactory(EventListenerProvider.class, ZeroTrustEventListenerFactory.PROVIDER_ID)
                instanceof AuditTrail trail ? Optional.of(trail) : Optional.empty();
    }
}
