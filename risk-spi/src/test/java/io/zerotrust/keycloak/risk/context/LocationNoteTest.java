package io.zerotrust.keycloak.risk.context;

import io.zerotrust.keycloak.risk.geo.GeoLocation;
import io.zerotrust.keycloak.risk.geo.GeoLookup;
import io.zerotrust.keycloak.risk.geo.HostingSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocationNoteTest {

    @Test
    void carriesWhatSaidTheAddressIsHosting() {
        GeoLocation listed = new GeoLocation("JP", "Japan", "Tokyo", 35.68, 139.69, 50, 16509L, "Amazon.com, Inc.",
                false, true, false, false, HostingSource.ASN_LIST);

        GeoLookup read = LocationNote.read(LocationNote.write("198.51.100.9", GeoLookup.found(listed)), "198.51.100.9");

        assertThat(read.location()).isEqualTo(listed);
    }

    @Test
    void aNoteOfAnEarlierVersionReadsTheHostingFlagAsTheAnonymousIpDatabases() {
        String older = "{\"ip\":\"198.51.100.9\",\"location\":{\"countryCode\":\"JP\",\"asn\":64501,\"hosting\":true},"
                + "\"problem\":null}";

        GeoLookup read = LocationNote.read(older, "198.51.100.9");

        assertThat(read.location().hostingSource()).isEqualTo(HostingSource.ANONYMOUS_IP_DATABASE);
    }
}
