package io.zerotrust.keycloak.access.sod;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The event listener {@code zt-segregation}: judges every admin change of role mappings, group memberships and
 * composites against the realm's conflict rules as it happens ({@link SegregationListener}). Global: it hears every
 * realm without being added to its event listeners, since a rule that an unlisted realm could skip would be none.
 */
public class SegregationListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "zt-segregation";
    /** Users scanned at most when a change reaches many (a group's role, a composite). */
    static final int MAX_SCANNED_USERS = 10_000;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new SegregationListener(session);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
