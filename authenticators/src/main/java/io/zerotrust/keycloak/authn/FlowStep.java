package io.zerotrust.keycloak.authn;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A pack flow step: it needs no credential of its own (so it is "configured" for every user and sets no required
 * action through Keycloak's set-up mechanism) and holds no resources.
 */
public interface FlowStep extends Authenticator {

    @Override
    default boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    default void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    default void close() {
    }
}
