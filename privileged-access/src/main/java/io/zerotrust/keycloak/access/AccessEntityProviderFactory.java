package io.zerotrust.keycloak.access;

import java.util.List;

import io.zerotrust.keycloak.access.jit.AccessRequestEntity;
import io.zerotrust.keycloak.risk.storage.PackEntityProviderFactory;

/** Privileged access's table: requests for activation and the activations they became. */
public class AccessEntityProviderFactory extends PackEntityProviderFactory {

    public static final String PROVIDER_ID = "zt-access";

    public AccessEntityProviderFactory() {
        super(PROVIDER_ID, "META-INF/zt-access-changelog.xml", List.of(AccessRequestEntity.class));
    }
}
