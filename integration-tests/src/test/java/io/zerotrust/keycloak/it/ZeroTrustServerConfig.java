package io.zerotrust.keycloak.it;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The server every integration test runs against: Keycloak 26.7.3 with the pack's provider jar, trusting
 * X-Forwarded-For from loopback only, so tests can simulate client addresses as a trusted proxy would.
 */
public class ZeroTrustServerConfig implements KeycloakServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return config
                .dependency("io.zerotrust.keycloak", "keycloak-zero-trust")
                .option("proxy-headers", "xforwarded")
                .option("proxy-trusted-addresses", "127.0.0.1");
    }
}
