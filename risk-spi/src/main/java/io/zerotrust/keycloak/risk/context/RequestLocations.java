package io.zerotrust.keycloak.risk.context;

import java.util.HashMap;
import java.util.Map;

import io.zerotrust.keycloak.risk.geo.GeoIpProvider;
import io.zerotrust.keycloak.risk.geo.GeoLookup;

/**
 * The GeoIP answers of one request, by address: the flow's steps and every event listener of the request share them. Free of Keycloak types so that the number of lookups can be tested on its own.
 */
final class RequestLocations {

    private final Map<String, GeoLookup> byIp = new HashMap<>();

    /**
     * The answer for {@code ip}: one this request already has, else the one the sign-in carries for the same address
     * ({@code carried}, from the authentication session), else a lookup; each kept for the rest of the request.
     *
     * @param carried  the sign-in's {@link LocationNote}, or null
     * @param provider the GeoIP provider, or null when none is deployed
     */
    GeoLookup locate(String ip, String carried, GeoIpProvider provider) {
        if (ip == null) {
            return GeoLookup.problem("the client address is unknown");
        }
        GeoLookup known = byIp.get(ip);
        if (known == null) {
            known = LocationNote.read(carried, ip);
        }
        if (known == null) {
            known = provider == null ? GeoLookup.problem(GeoLookup.NOT_CONFIGURED) : provider.lookup(ip);
        }
        byIp.put(ip, known);
        return known;
    }
}
