package io.zerotrust.keycloak.risk.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What evaluators may look at for one sign-in attempt, already translated out of Keycloak types.
 *
 * @param realm     realm name
 * @param userId    the user being authenticated
 * @param clientIp  the client address as resolved by Keycloak (honouring its proxy settings), or null if unknown
 * @param now       the time of the request
 * @param userAgent the User-Agent header, or null
 * @param headers   request headers evaluators may read (lower-case names); only signed or advisory data belongs here
 * @param cookies   request cookies by name
 */
public record RiskContext(String realm, String userId, String clientIp, Instant now, String userAgent,
                          Map<String, String> headers, Map<String, String> cookies) {

    public RiskContext {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(now, "now");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        cookies = cookies == null ? Map.of() : Map.copyOf(cookies);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
