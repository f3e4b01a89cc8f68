package io.zerotrust.keycloak.risk.geo;

import org.keycloak.provider.Provider;

/**
 * Looks up where a client address is. Called while gathering the risk context, before any evaluator runs.
 */
public interface GeoIpProvider extends Provider {

    /**
     * @param ip the client address as Keycloak resolved it (IPv4 or IPv6 literal); may be null
     * @return the location, or the problem saying why there is none; never null, never throws
     */
    GeoLookup lookup(String ip);

    @Override
    default void close() {
    }
}
