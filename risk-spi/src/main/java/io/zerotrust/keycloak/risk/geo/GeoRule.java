package io.zerotrust.keycloak.risk.geo;

/**
 * The rules of the {@code geo} evaluator: each a stable reason code, the server option that sets its log-odds,
 * and a default. Defaults are in natural log-odds: +2 multiplies the odds of an attack by about 7, +6 by 400.
 */
public enum GeoRule {
    /** The country never appeared in the user's successful logins. */
    NEW_COUNTRY("GEO_NEW_COUNTRY", "new-country-log-odds", 2.0),
    /** A known country but a city never seen (not raised together with {@link #NEW_COUNTRY}). */
    NEW_CITY("GEO_NEW_CITY", "new-city-log-odds", 0.7),
    /** An autonomous system (network operator) never seen. */
    NEW_NETWORK("GEO_NEW_NETWORK", "new-network-log-odds", 0.5),
    /** The country was seen before but the city is unknown or new; small reassurance. */
    KNOWN_COUNTRY("GEO_KNOWN_COUNTRY", "known-country-log-odds", -0.2),
    /** The city was seen before; reassurance (replaces {@link #KNOWN_COUNTRY}). */
    KNOWN_CITY("GEO_KNOWN_CITY", "known-city-log-odds", -0.4),
    /** The network was seen before; small reassurance. */
    KNOWN_NETWORK("GEO_KNOWN_NETWORK", "known-network-log-odds", -0.3),
    /** The country is on the server's deny list. */
    COUNTRY_DENIED("GEO_COUNTRY_DENIED", "denied-country-log-odds", 6.0),
    /** An allow list is set and the country is not on it (or is unknown). */
    COUNTRY_NOT_ALLOWED("GEO_COUNTRY_NOT_ALLOWED", "not-allowed-country-log-odds", 5.0),
    /** A known anonymous VPN exit. */
    ANONYMOUS_VPN("GEO_ANONYMOUS_VPN", "anonymous-vpn-log-odds", 2.0),
    /** A hosting or cloud provider network, where people rarely sit but bots do. */
    HOSTING_PROVIDER("GEO_HOSTING_PROVIDER", "hosting-provider-log-odds", 1.5),
    /** A Tor exit node. */
    TOR_EXIT("GEO_TOR_EXIT", "tor-exit-log-odds", 3.0),
    /** A public (open) proxy. */
    PUBLIC_PROXY("GEO_PUBLIC_PROXY", "public-proxy-log-odds", 2.5);

    private final String code;
    private final String optionKey;
    private final double defaultLogOdds;

    GeoRule(String code, String optionKey, double defaultLogOdds) {
        this.code = code;
        this.optionKey = optionKey;
        this.defaultLogOdds = defaultLogOdds;
    }

    public String code() {
        return code;
    }

    public String optionKey() {
        return optionKey;
    }

    public double defaultLogOdds() {
        return defaultLogOdds;
    }
}
