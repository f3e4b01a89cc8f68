package io.zerotrust.keycloak.risk.geo;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The {@code zt-geoip} SPI: turns a client address into a location for the risk evaluators. The built-in
 * provider {@code maxmind} reads local mmdb files; another jar may register its own
 * {@link GeoIpProviderFactory} (e.g. a commercial web service), and {@code --spi-zt-geoip--provider=<id>}
 * picks one.
 */
public class GeoIpSpi implements Spi {

    public static final String NAME = "zt-geoip";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return GeoIpProvider.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return GeoIpProviderFactory.class;
    }
}
