package io.zerotrust.keycloak.access.sod;

import io.zerotrust.keycloak.access.AdminEndpointFactory;

/** Registers {@code /admin/realms/{realm}/zt-conflicts} ({@link ConflictReportResource}). */
public class ConflictReportResourceProviderFactory extends AdminEndpointFactory {

    public static final String PROVIDER_ID = "zt-conflicts";

    public ConflictReportResourceProviderFactory() {
        super(PROVIDER_ID, ConflictReportResource::new);
    }
}
