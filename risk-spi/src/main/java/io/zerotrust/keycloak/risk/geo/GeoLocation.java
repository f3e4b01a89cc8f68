package io.zerotrust.keycloak.risk.geo;

/**
 * What the GeoIP databases say about one address. Any field may be null when the databases do not know it.
 *
 * @param countryCode      ISO 3166-1 alpha-2, upper case
 * @param countryName      English country name
 * @param city             English city name
 * @param latitude         degrees, or null
 * @param longitude        degrees, or null
 * @param accuracyRadiusKm the database's 67%-confidence radius around the coordinates, or null
 * @param asn              autonomous system number, or null
 * @param asOrganization   the AS owner's name, or null
 * @param anonymousVpn     a known anonymous VPN exit
 * @param hosting          a hosting or cloud provider network
 * @param torExit          a Tor exit node
 * @param publicProxy      a public proxy
 * @param hostingSource    what says the network is a hosting one: null exactly when {@code hosting} is false; a
 *                         hosting flag without a source is the Anonymous-IP database's
 */
public record GeoLocation(String countryCode, String countryName, String city, Double latitude, Double longitude,
                          Integer accuracyRadiusKm, Long asn, String asOrganization,
                          boolean anonymousVpn, boolean hosting, boolean torExit, boolean publicProxy,
                          HostingSource hostingSource) {

    public GeoLocation {
        if (!hosting) {
            hostingSource = null;
        } else if (hostingSource == null) {
            hostingSource = HostingSource.ANONYMOUS_IP_DATABASE;
        }
    }

    /** A location whose hosting flag, if set, is the Anonymous-IP database's. */
    public GeoLocation(String countryCode, String countryName, String city, Double latitude, Double longitude,
                       Integer accuracyRadiusKm, Long asn, String asOrganization,
                       boolean anonymousVpn, boolean hosting, boolean torExit, boolean publicProxy) {
        this(countryCode, countryName, city, latitude, longitude, accuracyRadiusKm, asn, asOrganization,
                anonymousVpn, hosting, torExit, publicProxy, null);
    }

    public boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }

    /** "Tokyo, Japan", "Japan", or null when neither is known. */
    public String displayName() {
        String country = countryName != null ? countryName : countryCode;
        if (city != null && country != null) {
            return city + ", " + country;
        }
        return city != null ? city : country;
    }
}
