package io.zerotrust.keycloak.it;

import org.keycloak.common.Profile;
import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The server every integration test runs against: Keycloak 26.7.3 with the pack's provider jar, trusting
 * X-Forwarded-For from loopback only (so tests simulate client addresses as a trusted proxy would send them),
 * with small GeoIP databases, a Tor exit list and a trusted device-posture signer ({@link RiskFixtures}), and
 * the zt-events webhook pointed at a local receiver ({@link WebhookReceiver}), and Keycloak's declarative admin UI
 * on, which the pack's Zero Trust page of realm settings needs ({@link RealmTuningTest}).
 */
public class ZeroTrustServerConfig implements KeycloakServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        RiskFixtures.writeOnce();
        return config
                .dependency("io.zerotrust.keycloak", "keycloak-zero-trust")
                .option("proxy-headers", "xforwarded")
                .option("proxy-trusted-addresses", "127.0.0.1")
                .option("metrics-enabled", "true")
                .features(Profile.Feature.DECLARATIVE_UI)
                .spiOption("zt-geoip", "maxmind", "city-database", RiskFixtures.CITY_DB.toString())
                .spiOption("zt-geoip", "maxmind", "asn-database", RiskFixtures.ASN_DB.toString())
                .spiOption("zt-geoip", "maxmind", "anonymous-database", RiskFixtures.ANONYMOUS_DB.toString())
                .spiOption("zt-risk-evaluator", "ip-reputation", "tor-exit-list-file", RiskFixtures.TOR_EXITS.toString())
                .spiOption("zt-risk-evaluator", "device-posture", "jwks-file", RiskFixtures.POSTURE_JWKS.toString())
                .spiOption("events-listener", "zt-events", "webhook-url", WebhookReceiver.get().url())
                .spiOption("events-listener", "zt-events", "webhook-secret", WebhookReceiver.SECRET)
                // activations end within seconds of their time, so that a test sees a one-minute activation end
                .spiOption("realm-restapi-extension", "zt-access", "expiry-interval-seconds", "2");
    }
}
