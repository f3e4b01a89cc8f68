package io.zerotrust.keycloak.access.sod;

import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;

/**
 * Protocol mapper {@code zt-conflict-guard}: runs after the role mappers and takes every role of a broken conflict
 * rule out of the token, so that a token never carries two duties a rule keeps apart, whatever state the role
 * mappings are in. The pack adds it to the realm's {@code roles} client scope when a conflict rule is saved.
 */
public class ConflictTokenGuard extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper,
        TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "zt-conflict-guard";
    /** After Keycloak's role mappers (0) and audience resolution (30). */
    static final int PRIORITY = 1000;

    /** Keycloak's client scope that carries the role claims to every client by default. */
    static final String ROLES_SCOPE = "roles";

    private static final Logger LOG = Logger.getLogger(ConflictTokenGuard.class);

    /** Adds the guard to the realm's {@code roles} client scope unless it is there; false without such a scope. */
    static boolean placeIn(RealmModel realm) {
        ClientScopeModel scope = realm.getClientScopesStream().filter(s -> ROLES_SCOPE.equals(s.getName())).findFirst()
                .orElse(null);
        if (scope == null) {
            return false;
        }
        if (scope.getProtocolMappersStream().noneMatch(m -> PROVIDER_ID.equals(m.getProtocolMapper()))) {
            ProtocolMapperModel guard = new ProtocolMapperModel();
            guard.setName("zero trust conflict guard");
            guard.setProtocol("openid-connect");
            guard.setProtocolMapper(PROVIDER_ID);
            guard.setConfig(new java.util.HashMap<>());
            scope.addProtocolMapper(guard);
            LOG.infof("Conflict guard added to client scope '%s' of realm %s", ROLES_SCOPE, realm.getName());
        }
        return true;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Zero Trust conflict guard";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Removes every role of a broken conflict rule (Conflict rules page) from the token.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        return guard(token, session, userSession);
    }

    @Override
    public AccessToken transformIntrospectionToken(AccessToken token, ProtocolMapperModel mappingModel,
                                                   KeycloakSession session, UserSessionModel userSession,
                                                   ClientSessionContext clientSessionCtx) {
        return guard(token, session, userSession);
    }

    private static AccessToken guard(AccessToken token, KeycloakSession session, UserSessionModel userSession) {
        if (userSession == null || userSession.getUser() == null) {
            return token;
        }
        RealmModel realm = userSession.getRealm();
        for (Conflict conflict : new Conflicts(realm).of(userSession.getUser())) {
            int removed = 0;
            for (RoleModel role : conflict.rule().resolve(realm)) {
                removed += strip(token, role) ? 1 : 0;
            }
            if (removed > 0) {
                LOG.warnf("Token for %s in realm %s without the roles of rule '%s' (%s): the user holds them together",
                        userSession.getUser().getUsername(), realm.getName(), conflict.rule().name(), conflict.roles());
            }
        }
        return token;
    }

    private static boolean strip(AccessToken token, RoleModel role) {
        AccessToken.Access access;
        if (role.isClientRole()) {
            ClientModel client = (ClientModel) role.getContainer();
            access = token.getResourceAccess() == null ? null : token.getResourceAccess().get(client.getClientId());
        } else {
            access = token.getRealmAccess();
        }
        return access != null && access.getRoles() != null && access.getRoles().remove(role.getName());
    }
}
