package io.zerotrust.keycloak.events.listener;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;

import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.events.outbox.Outbox;
import io.zerotrust.keycloak.risk.context.SignInLocation;
import io.zerotrust.keycloak.risk.geo.GeoLocation;
import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Captures events on the request thread (a copy: Keycloak reuses its event object), enriches them cheaply
 * (in-memory GeoIP, device-id hash, User-Agent header) and writes them to the outbox in the request's own
 * transaction: an event is exported exactly when what it reports was committed, even if the node dies a moment
 * later. Error events come in an inner session and transaction of their own (Keycloak's), which commit them.
 */
public class ZeroTrustEventListener implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(ZeroTrustEventListener.class);

    private final KeycloakSession session;
    private final Outbox outbox;

    ZeroTrustEventListener(KeycloakSession session, Outbox outbox) {
        this.session = session;
        this.outbox = outbox;
    }

    @Override
    public void onEvent(Event event) {
        if (!EventCapture.captured(event.getType())) {
            return;
        }
        try {
            Event copy = event.clone();
            SessionVerdict.complete(session, copy);
            write(EventCapture.of(copy, locate(copy.getIpAddress()), userAgent()));
        } catch (RuntimeException e) {
            // never fail a login for the SOC copy of its event
            LOG.errorf(e, "Could not capture %s event %s", event.getType(), event.getId());
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        try {
            AdminEvent copy = new AdminEvent(event);
            String ip = copy.getAuthDetails() == null ? null : copy.getAuthDetails().getIpAddress();
            write(EventCapture.of(copy, locate(ip)));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not capture admin event %s", event.getId());
        }
    }

    private void write(SecurityEvent event) {
        KeycloakTransactionManager transaction = session.getTransactionManager();
        if (transaction == null || !transaction.isActive()) {
            // sent outside a transaction: nothing can roll it back, so it gets one of its own
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> outbox.append(s, event));
            return;
        }
        outbox.append(session, event);
    }

    private GeoLocation locate(String ip) {
        try {
            // the sign-in's own answer when it was assessed; else one lookup, shared with the other listeners
            return SignInLocation.of(session, ip).location();
        } catch (RuntimeException e) {
            LOG.debugf(e, "GeoIP lookup of %s failed", ip);
            return null;
        }
    }

    private String userAgent() {
        HttpHeaders headers = session.getContext() == null ? null : session.getContext().getRequestHeaders();
        if (headers == null) {
            return null;
        }
        try {
            List<String> values = headers.getRequestHeader(HttpHeaders.USER_AGENT);
            return values == null || values.isEmpty() ? null : values.get(0);
        } catch (RuntimeException e) {
            // an inner session without a request
            return null;
        }
    }

    @Override
    public void close() {
    }
}
