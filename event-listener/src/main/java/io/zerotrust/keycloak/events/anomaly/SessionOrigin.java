package io.zerotrust.keycloak.events.anomaly;

/**
 * Where a session signed in, and the last network and country its tokens were reported used from (so a change is
 * reported once, not at every refresh).
 */
public final class SessionOrigin {

    final String network;
    final String country;
    String flaggedNetwork;
    String flaggedCountry;

    public SessionOrigin(String network, String country, String flaggedNetwork, String flaggedCountry) {
        this.network = network;
        this.country = country;
        this.flaggedNetwork = flaggedNetwork;
        this.flaggedCountry = flaggedCountry;
    }

    public String network() {
        return network;
    }

    public String country() {
        return country;
    }

    public String flaggedNetwork() {
        return flaggedNetwork;
    }

    public String flaggedCountry() {
        return flaggedCountry;
    }
}
