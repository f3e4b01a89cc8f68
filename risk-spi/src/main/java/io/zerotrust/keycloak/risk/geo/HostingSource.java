package io.zerotrust.keycloak.risk.geo;

/**
 * What says a {@link GeoLocation} is on a hosting or cloud provider network, so that an admin can tell a commercial
 * database's flag from the shipped AS list's guess. The label is what events and messages show.
 */
public enum HostingSource {
    /** The GeoIP2 Anonymous-IP database flags the address as a hosting provider's. */
    ANONYMOUS_IP_DATABASE("anonymous-ip-database"),
    /** The address's AS number is on the hosting-ASN list (shipped or the admin's own). */
    ASN_LIST("asn-list");

    private final String label;

    HostingSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
