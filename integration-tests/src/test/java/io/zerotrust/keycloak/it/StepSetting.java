package io.zerotrust.keycloak.it;

import java.util.HashMap;
import java.util.Map;

import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * One setting of a flow step changed for part of a test, as an admin would in the console, and put back on
 * close (try-with-resources), so the other tests of the class see the realm as imported.
 */
final class StepSetting implements AutoCloseable {

    private final ManagedRealm realm;
    private final AuthenticatorConfigRepresentation config;
    private final Map<String, String> saved;

    private StepSetting(ManagedRealm realm, AuthenticatorConfigRepresentation config) {
        this.realm = realm;
        this.config = config;
        this.saved = new HashMap<>(config.getConfig());
    }

    /** Sets {@code key} of the config of the {@code providerId} step in the flow {@code flowAlias}. */
    static StepSetting set(ManagedRealm realm, String flowAlias, String providerId, String key, String value) {
        AuthenticatorConfigRepresentation config = realm.admin().flows().getExecutions(flowAlias).stream()
                .filter(e -> providerId.equals(e.getProviderId())).findFirst()
                .map(e -> realm.admin().flows().getAuthenticatorConfig(e.getAuthenticationConfig()))
                .orElseThrow(() -> new AssertionError(providerId + " with a config in flow " + flowAlias));
        StepSetting setting = new StepSetting(realm, config);
        config.getConfig().put(key, value);
        realm.admin().flows().updateAuthenticatorConfig(config.getId(), config);
        return setting;
    }

    @Override
    public void close() {
        config.setConfig(new HashMap<>(saved));
        realm.admin().flows().updateAuthenticatorConfig(config.getId(), config);
    }
}
