package io.zerotrust.keycloak.risk.geo;

import java.io.File;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.maxmind.db.Reader;
import io.zerotrust.keycloak.risk.net.IpAddress;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The writer's output read back with MaxMind's official reader. */
class MmdbWriterTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {24, 28, 32})
    void everyRecordSizeReadsBackInIpv4AndIpv6(int recordSize) throws Exception {
        Path file = dir.resolve("t.mmdb");
        new MmdbWriter("Test-Types", 6).recordSize(recordSize)
                .insert("192.0.2.0/24", Map.of("name", "v4"))
                .insert("2001:db8::/32", Map.of("name", "v6"))
                .write(file);

        try (Reader reader = new Reader(file.toFile())) {
            assertThat(reader.getMetadata().recordSize()).isEqualTo(recordSize);
            assertThat(reader.getMetadata().ipVersion()).isEqualTo(6);
            assertThat(reader.get(at("192.0.2.77"), Map.class)).containsEntry("name", "v4");
            assertThat(reader.get(at("2001:db8:1::1"), Map.class)).containsEntry("name", "v6");
            assertThat(reader.get(at("192.0.3.1"), Map.class)).isNull();
        }
    }

    @Test
    void forcedWideRecordsHoldManyNetworks() throws Exception {
        // many distinct nodes and data offsets exercise the nibble packing of 28-bit records
        for (int size : new int[] {28, 32}) {
            MmdbWriter writer = new MmdbWriter("Test-Many", 6).recordSize(size);
            for (int i = 0; i < 256; i++) {
                writer.insert("10." + i + ".0.0/16", Map.of("i", (long) i));
            }
            Path file = dir.resolve("many" + size + ".mmdb");
            writer.write(file);
            try (Reader reader = new Reader(file.toFile())) {
                for (int i = 0; i < 256; i += 17) {
                    assertThat(reader.get(at("10." + i + ".3.4"), Map.class))
                            .containsEntry("i", (long) i);
                }
            }
        }
    }

    @Test
    void allDataTypesRoundTrip() throws Exception {
        Path file = dir.resolve("types.mmdb");
        String longText = "x".repeat(300);
        new MmdbWriter("Test-Types", 4)
                .insert("198.51.100.0/24", Map.of(
                        "utf8", "Zürich", "long_utf8", longText, "double", 48.8566, "uint16", 65535,
                        "uint32", 4_294_967_295L, "uint64", MmdbWriter.uint64(Long.MAX_VALUE), "true", true,
                        "false", false, "array", List.of("a", "b"), "map", Map.of("en", "Japan")))
                .write(file);

        try (Reader reader = new Reader(file.toFile())) {
            assertThat(reader.getMetadata().ipVersion()).isEqualTo(4);
            Map<?, ?> record = reader.get(at("198.51.100.1"), Map.class);
            assertThat(record.get("utf8")).isEqualTo("Zürich");
            assertThat(record.get("long_utf8")).isEqualTo(longText);
            assertThat(record.get("double")).isEqualTo(48.8566);
            assertThat(record.get("uint16")).isEqualTo(65535);
            assertThat(record.get("uint32")).isEqualTo(4_294_967_295L);
            assertThat(record.get("uint64")).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE));
            assertThat(record.get("true")).isEqualTo(true);
            assertThat(record.get("false")).isEqualTo(false);
            assertThat(record.get("array")).isEqualTo(List.of("a", "b"));
            assertThat(record.get("map")).isEqualTo(Map.of("en", "Japan"));
        }
    }

    @Test
    void metadataIsComplete() throws Exception {
        Path file = dir.resolve("meta.mmdb");
        new MmdbWriter("GeoIP2-City", 6).buildEpoch(1_767_225_600L).description("fixture")
                .insert("192.0.2.0/24", Map.of("a", "b")).write(file);

        try (Reader reader = new Reader(file.toFile())) {
            var metadata = reader.getMetadata();
            assertThat(metadata.databaseType()).isEqualTo("GeoIP2-City");
            assertThat(metadata.binaryFormatMajorVersion()).isEqualTo(2);
            assertThat(metadata.binaryFormatMinorVersion()).isZero();
            assertThat(metadata.buildTime()).hasToString("2026-01-01T00:00:00Z");
            assertThat(metadata.description()).containsEntry("en", "fixture");
            assertThat(metadata.languages()).containsExactly("en");
            assertThat(metadata.nodeCount()).isPositive();
        }
    }

    @Test
    void moreSpecificNetworksWinWhateverTheInsertionOrder() throws Exception {
        Path file = dir.resolve("nested.mmdb");
        new MmdbWriter("Test-Nested", 6)
                .insert("198.51.100.128/25", Map.of("n", "inner"))
                .insert("198.51.100.0/24", Map.of("n", "outer"))
                .write(file);

        try (Reader reader = new Reader(new File(file.toString()))) {
            assertThat(reader.get(at("198.51.100.1"), Map.class)).containsEntry("n", "outer");
            assertThat(reader.get(at("198.51.100.200"), Map.class)).containsEntry("n", "inner");
        }
    }

    @Test
    void ipv4DatabaseRefusesIpv6Networks() {
        assertThatThrownBy(() -> new MmdbWriter("Test", 4).insert("2001:db8::/32", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static InetAddress at(String literal) {
        return IpAddress.parse(literal).toInetAddress();
    }
}
