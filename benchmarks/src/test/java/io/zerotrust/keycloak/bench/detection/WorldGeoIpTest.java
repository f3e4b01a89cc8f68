package io.zerotrust.keycloak.bench.detection;

import io.zerotrust.keycloak.risk.geo.GeoLocation;
import io.zerotrust.keycloak.risk.geo.HostingSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorldGeoIpTest {

    @Test
    void theGeoIpDatabasesDecideTheAnonymityFlags() {
        for (World.GeoIp geoIp : World.GeoIp.values()) {
            World world = new World(geoIp);
            City tokyo = world.hub("JP");
            GeoLocation vpn = world.locate(world.networks("JP", Network.Kind.VPN).get(0), tokyo);
            GeoLocation hosting = world.locate(world.networks("JP", Network.Kind.HOSTING).get(0), tokyo);
            GeoLocation home = world.locate(world.networks("JP", Network.Kind.RESIDENTIAL).get(0), tokyo);

            assertThat(home.hosting() || home.anonymousVpn()).as("%s home", geoIp).isFalse();
            switch (geoIp) {
                case ANONYMOUS_IP -> {
                    assertThat(vpn.anonymousVpn()).isTrue();
                    assertThat(vpn.hostingSource()).isEqualTo(HostingSource.ANONYMOUS_IP_DATABASE);
                    assertThat(hosting.hostingSource()).isEqualTo(HostingSource.ANONYMOUS_IP_DATABASE);
                }
                case CITY_ASN -> assertThat(vpn.anonymousVpn() || vpn.hosting() || hosting.hosting()).isFalse();
                case CITY_ASN_HOSTING_LIST -> {
                    assertThat(vpn.anonymousVpn()).as("the list knows the owner, not the VPN").isFalse();
                    assertThat(vpn.hostingSource()).isEqualTo(HostingSource.ASN_LIST);
                    assertThat(hosting.hostingSource()).isEqualTo(HostingSource.ASN_LIST);
                }
            }
        }
    }
}
