package io.zerotrust.keycloak.risk.geo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.risk.spi.OptionReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class HostingAsnsTest {

    @Test
    void shippedListHoldsTheMajorCloudsAndVpnNetworksButNoAccessNetwork() throws Exception {
        HostingAsns shipped = HostingAsns.shipped();

        // AWS, Google, Azure, DigitalOcean, OVH, Hetzner, Linode, Vultr, M247, NordVPN's PacketHub
        for (long asn : new long[] {16509, 14618, 15169, 396982, 8075, 14061, 16276, 24940, 63949, 20473, 9009, 207137}) {
            assertThat(shipped.contains(asn)).as("AS%d", asn).isTrue();
        }
        // Deutsche Telekom, Vodafone DE, Comcast, AT&T, Google Fiber; iCloud Private Relay / WARP egress; Zscaler
        for (long asn : new long[] {3320, 3209, 7922, 7018, 16591, 13335, 36183, 54113, 53813}) {
            assertThat(shipped.contains(asn)).as("AS%d", asn).isFalse();
        }
        assertThat(shipped.size()).isGreaterThan(500);
        try (var in = HostingAsns.class.getResourceAsStream(HostingAsns.SHIPPED_RESOURCE)) {
            String header = new String(in.readNBytes(800), StandardCharsets.UTF_8);
            assertThat(header).contains("Source: npm @ip-location-db/asn@", "CC BY 4.0", "DB-IP.com",
                    "risk-spi/src/main/data/hosting-asns.py");
        }
    }

    @Test
    void adminFileReplacesTheShippedListSkippingMalformedLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hosting.txt");
        Files.writeString(file, "# ours\n64510 # Example Hosting\nAS64511\n\nas64512 trailing\nnot-an-asn\n");

        HostingAsns own = HostingAsns.read(file);

        assertThat(own.contains(64510L)).isTrue();
        assertThat(own.contains(64511L)).isTrue();
        assertThat(own.contains(64512L)).as("a line with more than a number is malformed").isFalse();
        assertThat(own.contains(16509L)).as("replaced, not added to").isFalse();
        assertThat(own.size()).isEqualTo(2);
        assertThat(own.describe()).isEqualTo(file + ", 2 networks");
    }

    @Test
    void missingOrEmptyFileFallsBackToTheShippedList(@TempDir Path dir) throws Exception {
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "# nothing yet\n");
        int shipped = HostingAsns.shipped().size();

        for (Path file : List.of(dir.resolve("missing.txt"), empty, dir)) {
            HostingAsns list = HostingAsnsFile.load(file).current();
            assertThat(list.size()).as("%s", file).isEqualTo(shipped);
            assertThat(list.source()).isEqualTo("shipped list");
        }
    }

    @Test
    void optionsChooseShippedOwnOrNone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hosting.txt");
        Files.writeString(file, "64510\n");

        assertThat(options(Map.of()).source()).isEqualTo("shipped list");
        assertThat(options(Map.of(MaxMindGeoIpProviderFactory.HOSTING_ASN_LIST_FILE, file.toString())).contains(64510L))
                .isTrue();
        assertThat(options(Map.of(MaxMindGeoIpProviderFactory.HOSTING_ASN_LIST, "false",
                MaxMindGeoIpProviderFactory.HOSTING_ASN_LIST_FILE, file.toString())).size()).isZero();
        assertThat(options(Map.of(MaxMindGeoIpProviderFactory.HOSTING_ASN_LIST, "maybe")).source())
                .as("a bad value is its default").isEqualTo("shipped list");
    }

    private static HostingAsns options(Map<String, String> values) {
        return MaxMindGeoIpProviderFactory.hostingList(new OptionReader("test", values::get), true).asns();
    }
}
