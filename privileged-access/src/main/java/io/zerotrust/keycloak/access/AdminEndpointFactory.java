package io.zerotrust.keycloak.access;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Registers a stateless admin endpoint {@code /admin/realms/{realm}/<id>} whose resource is made per request. */
public abstract class AdminEndpointFactory implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider {

    /** Makes the endpoint's resource for one request. */
    protected interface Resource {
        Object create(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth);
    }

    private final String id;
    private final Resource resource;

    protected AdminEndpointFactory(String id, Resource resource) {
        this.id = id;
        this.resource = resource;
    }

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                              AdminEventBuilder adminEvent) {
        return resource.create(session, realm, auth);
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
        return id;
    }
}
