package io.zerotrust.keycloak.access.jit;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** A request as the REST answer shows it. */
record RequestView(String id, String eligibilityId, String role, String state, String justification, int minutes,
                   String requester, long requestedAt, Long activatedAt, Long expiresAt, Long endedAt, String approver,
                   String reason) {

    static RequestView of(KeycloakSession session, RealmModel realm, AccessRequestEntity request) {
        return new RequestView(request.id, request.eligibilityId, request.roleName, request.state, request.justification,
                request.minutes, username(session, realm, request.userId), request.requestedAt, request.activatedAt,
                request.expiresAt, request.endedAt, username(session, realm, request.deciderId), request.reason);
    }

    private static String username(KeycloakSession session, RealmModel realm, String userId) {
        UserModel user = userId == null ? null : session.users().getUserById(realm, userId);
        return user == null ? null : user.getUsername();
    }
}
