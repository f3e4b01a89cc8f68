package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.keycloak.common.Profile;
import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The server every integration test runs against: Keycloak 26.7.3 with the pack's provider jar, trusting
 * X-Forwarded-For from loopback only (so tests simulate client addresses as a trusted proxy would send them),
 * with small GeoIP databases, a Tor exit list and a trusted device-posture signer ({@link RiskFixtures}), and
 * the zt-events webhook pointed at a local receiver ({@link WebhookReceiver}), and Keycloak's declarative admin UI
 * on, which the pack's Zero Trust page of realm settings needs ({@link RealmTuningTest}). Its city database is a
 * copy of the fixture that {@link GeoIpReplacedInPlaceTest} may overwrite, checked for replacement every 2 s.
 */
public class ZeroTrustServerConfig implements KeycloakServerConfig {

    /** The city database this server reads: a copy of {@link RiskFixtures#CITY_DB}. */
    static final Path CITY_IN_USE = RiskFixtures.DIR.resolve("city-in-use.mmdb");

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        RiskFixtures.writeOnce();
        restoreCityInUse();
        return pack(config)
                .spiOption("zt-geoip", "maxmind", "city-database", CITY_IN_USE.toString())
                .spiOption("zt-geoip", "maxmind", "asn-database", RiskFixtures.ASN_DB.toString())
                .spiOption("zt-geoip", "maxmind", "anonymous-database", RiskFixtures.ANONYMOUS_DB.toString())
                .spiOption("zt-geoip", "maxmind", "reload-seconds", "2")
                .spiOption("zt-risk-evaluator", "ip-reputation", "tor-exit-list-file", RiskFixtures.TOR_EXITS.toString())
                .spiOption("zt-risk-evaluator", "device-posture", "jwks-file", RiskFixtures.POSTURE_JWKS.toString())
                .spiOption("events-listener", "zt-events", "webhook-url", WebhookReceiver.get().url())
                .spiOption("events-listener", "zt-events", "webhook-secret", WebhookReceiver.SECRET)
                // so that PostgreSqlStorageTest sees a record past its age leave the outbox (the default is hourly)
                .spiOption("events-listener", "zt-events", "expiry-interval-seconds", "2")
                // activations end within seconds of their time, so that a test sees a one-minute activation end
                .spiOption("realm-restapi-extension", "zt-access", "expiry-interval-seconds", "2");
    }

    /**
     * The options every test server shares: the pack's jar, the trusted loopback proxy, and what Keycloak fixes at
     * build time (features, metrics). Servers that differ from each other in runtime options only then start
     * without a new {@code kc.sh build} (about 40 s each here).
     */
    static KeycloakServerConfigBuilder pack(KeycloakServerConfigBuilder config) {
        return config
                .dependency("io.zerotrust.keycloak", "keycloak-zero-trust")
                .option("proxy-headers", "xforwarded")
                .option("proxy-trusted-addresses", "127.0.0.1")
                .option("metrics-enabled", "true")
                .features(Profile.Feature.DECLARATIVE_UI);
    }

    /** Copies the fixture over {@link #CITY_IN_USE} unless it is already the same (a new file, not in place). */
    static void restoreCityInUse() {
        try {
            if (Files.notExists(CITY_IN_USE) || Files.mismatch(RiskFixtures.CITY_DB, CITY_IN_USE) != -1) {
                Files.copy(RiskFixtures.CITY_DB, CITY_IN_USE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
