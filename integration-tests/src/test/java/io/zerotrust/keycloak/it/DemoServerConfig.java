package io.zerotrust.keycloak.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.zerotrust.keycloak.risk.geo.GeoIpFixtures;
import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The server as distribution/demo/run.sh starts it: the pack, the trusted loopback proxy, the demo GeoIP data,
 * metrics, and Keycloak's declarative admin UI for the realm's Zero Trust page.
 */
public class DemoServerConfig implements KeycloakServerConfig {

    static final Path GEOIP = Path.of("target", "zt-demo-geoip").toAbsolutePath();

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        try {
            GeoIpFixtures.writeDefaults(GEOIP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ZeroTrustServerConfig.pack(config)
                .spiOption("zt-geoip", "maxmind", "city-database", GEOIP.resolve(GeoIpFixtures.CITY_FILE).toString())
                .spiOption("zt-geoip", "maxmind", "asn-database", GEOIP.resolve(GeoIpFixtures.ASN_FILE).toString())
                .spiOption("zt-geoip", "maxmind", "anonymous-database", GEOIP.resolve(GeoIpFixtures.ANONYMOUS_FILE).toString());
    }
}
