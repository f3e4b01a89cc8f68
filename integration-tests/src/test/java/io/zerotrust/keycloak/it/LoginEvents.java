package io.zerotrust.keycloak.it;

import java.util.List;

import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored LOGIN events of a test realm, where the assessment leaves its verdict. */
final class LoginEvents {

    private LoginEvents() {
    }

    static String userId(ManagedRealm realm, String username) {
        return realm.admin().users().search(username, true).get(0).getId();
    }

    /** The user's most recent LOGIN event; fails the test when there is none. */
    static EventRepresentation latest(ManagedRealm realm, String username) {
        List<EventRepresentation> events = realm.admin().getEvents(List.of("LOGIN"), null, userId(realm, username),
                null, null, null, 0, 1);
        assertThat(events).as("LOGIN event of %s", username).hasSize(1);
        return events.get(0);
    }
}
