package io.zerotrust.keycloak.it;

import java.util.List;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored LOGIN events of a test realm, where the assessment leaves its verdict. */
final class LoginEvents {

    private LoginEvents() {
    }

    static String userId(ManagedRealm realm, String username) {
        return userId(realm.admin(), username);
    }

    static String userId(RealmResource realm, String username) {
        return realm.users().search(username, true).get(0).getId();
    }

    /** The user's most recent LOGIN event; fails the test when there is none. */
    static EventRepresentation latest(ManagedRealm realm, String username) {
        return latest(realm.admin(), username);
    }

    /** As {@link #latest(ManagedRealm, String)}, for a realm the test manages itself. */
    static EventRepresentation latest(RealmResource realm, String username) {
        List<EventRepresentation> events = realm.getEvents(List.of("LOGIN"), null, userId(realm, username),
                null, null, null, 0, 1);
        assertThat(events).as("LOGIN event of %s", username).hasSize(1);
        return events.get(0);
    }
}
