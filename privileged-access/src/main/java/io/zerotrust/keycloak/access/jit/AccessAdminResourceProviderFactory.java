package io.zerotrust.keycloak.access.jit;

import io.zerotrust.keycloak.access.AdminEndpointFactory;

/** Registers {@code /admin/realms/{realm}/zt-access} ({@link AccessAdminResource}). */
public class AccessAdminResourceProviderFactory extends AdminEndpointFactory {

    public static final String PROVIDER_ID = "zt-access";

    public AccessAdminResourceProviderFactory() {
        super(PROVIDER_ID, AccessAdminResource::new);
    }
}
