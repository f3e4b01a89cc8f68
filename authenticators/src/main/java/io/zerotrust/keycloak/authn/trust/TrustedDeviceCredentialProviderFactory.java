package io.zerotrust.keycloak.authn.trust;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Declares the {@value TrustedDeviceCredential#TYPE} credential type. */
public class TrustedDeviceCredentialProviderFactory implements CredentialProviderFactory<TrustedDeviceCredentialProvider> {

    @Override
    public String getId() {
        return TrustedDeviceCredential.TYPE;
    }

    @Override
    public TrustedDeviceCredentialProvider create(KeycloakSession session) {
        return new TrustedDeviceCredentialProvider(session);
    }
}
