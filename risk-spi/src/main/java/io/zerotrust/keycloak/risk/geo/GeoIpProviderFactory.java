package io.zerotrust.keycloak.risk.geo;

import org.keycloak.provider.ProviderFactory;

/** Factory of a {@link GeoIpProvider}; options come through {@code --spi-zt-geoip--<id>--<key>}. */
public interface GeoIpProviderFactory extends ProviderFactory<GeoIpProvider> {
}
