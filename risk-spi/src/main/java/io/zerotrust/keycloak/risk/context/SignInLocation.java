package io.zerotrust.keycloak.risk.context;

import java.util.Objects;

import io.zerotrust.keycloak.risk.geo.GeoIpProvider;
import io.zerotrust.keycloak.risk.geo.GeoLookup;
import io.zerotrust.keycloak.risk.spi.RiskNotes;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The one GeoIP lookup of a sign-in. Gathering the risk context looks the address up and {@link #carry carries} the
 * answer in the authentication session ({@link RiskNotes#LOCATION}); the later steps, {@code zt-events} and
 * {@code zt-risk-learning} read it back from there for the same address, in whichever request the sign-in ends. An
 * event with no assessed sign-in behind it (token, admin and unassessed events) is looked up at most once per
 * request, whichever listeners ask; a refusal's error event in the request that assessed it shares that request's
 * answer. Only the server writes authentication notes: nothing a client sends is taken for a location.
 */
public final class SignInLocation {

    /**
     * The answers of the request on this thread. Not a Keycloak-session attribute: Keycloak sends an error event in
     * an inner session and transaction of its own, on the same thread, which sees neither the request's session nor
     * its uncommitted authentication notes. Bound to the session that started it, and dropped when that one closes.
     */
    private static final ThreadLocal<Bound> REQUEST = new ThreadLocal<>();

    private record Bound(KeycloakSession owner, RequestLocations locations) {
    }

    private SignInLocation() {
    }

    /**
     * Where {@code ip} is: the request's or the sign-in's answer for it, else a lookup.
     *
     * @param ip the client address as Keycloak resolved it; may be null
     * @return never null
     */
    public static GeoLookup of(KeycloakSession session, String ip) {
        RequestLocations request = requestLocations(session);
        AuthenticationSessionModel authSession = session.getContext() == null ? null
                : session.getContext().getAuthenticationSession();
        String carried = authSession == null ? null : authSession.getAuthNote(RiskNotes.LOCATION);
        return request.locate(ip, carried, session.getProvider(GeoIpProvider.class));
    }

    private static RequestLocations requestLocations(KeycloakSession session) {
        Bound bound = REQUEST.get();
        if (bound == null || bound.owner().isClosed()) {
            Bound fresh = new Bound(session, new RequestLocations());
            REQUEST.set(fresh);
            session.enlistForClose(() -> {
                if (REQUEST.get() == fresh) {
                    REQUEST.remove();
                }
            });
            bound = fresh;
        }
        return bound.locations();
    }

    /** Keeps the answer for {@code ip} with the sign-in, for its later requests and events. */
    public static void carry(AuthenticationSessionModel authSession, String ip, GeoLookup lookup) {
        if (authSession == null || ip == null) {
            return;
        }
        String note = LocationNote.write(ip, lookup);
        if (!Objects.equals(note, authSession.getAuthNote(RiskNotes.LOCATION))) {
            authSession.setAuthNote(RiskNotes.LOCATION, note);
        }
    }
}
