package io.zerotrust.keycloak.bench.detection;

/**
 * An autonomous system of the built-in world table, with the synthetic /16 its addresses come from.
 *
 * @param asn         private-use AS number
 * @param organization made-up name
 * @param countryCode where its addresses are located (a VPN provider has one entry per exit country)
 * @param kind        what kind of network it is
 * @param prefix      first two octets of its addresses, e.g. {@code "24.7"}
 */
public record Network(long asn, String organization, String countryCode, Kind kind, String prefix) {

    /** What a network is, which decides how GeoIP places it and what the Anonymous-IP database says. */
    public enum Kind {
        /** Home broadband: placed in the subscriber's city, small accuracy radius. */
        RESIDENTIAL,
        /** Mobile carrier: placed at the country's hub city, wide radius, addresses change every login. */
        MOBILE,
        /** Offices and hotels: placed in their city. */
        BUSINESS,
        /** Cloud hosting: flagged as hosting. */
        HOSTING,
        /** Commercial VPN exit: flagged as anonymous VPN and hosting. */
        VPN
    }

    /** The address with the given host part, e.g. {@code 24.7.3.200}. */
    public String address(int host) {
        return prefix + "." + ((host >> 8) & 0xff) + "." + (host & 0xff);
    }
}
