package io.zerotrust.keycloak.it;

import java.util.List;

import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.assertj.core.api.Assertions.assertThat;

/** Users a test creates through the admin API, each with the tests' password pattern and nothing else. */
final class RealmUsers {

    private RealmUsers() {
    }

    /** A user with a profile complete enough to sign in, and the password {@code <username>-Passw0rd!}. */
    static void createWithPassword(ManagedRealm realm, String username) {
        createWithPassword(realm.admin(), username);
    }

    /** As {@link #createWithPassword(ManagedRealm, String)}, in a realm the test manages itself. */
    static void createWithPassword(RealmResource realm, String username) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setEmail(username + "@example.org");
        user.setEmailVerified(true);
        user.setFirstName(username);
        user.setLastName("Test");
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(username + "-Passw0rd!");
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        try (Response response = realm.users().create(user)) {
            assertThat(response.getStatus()).as("create %s", username).isEqualTo(201);
        }
    }
}
