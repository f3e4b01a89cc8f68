package io.zerotrust.keycloak.events.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLinesFileSinkTest {

    @TempDir
    Path dir;

    @Test
    void appendsOneLinePerEvent() throws Exception {
        Path file = dir.resolve("logs/zt-events.jsonl");
        try (JsonLinesFileSink sink = new JsonLinesFileSink(file, JsonLinesFileSink.FsyncPolicy.BATCH)) {
            assertThat(sink.send(OcsfRecords.of("{\"a\":1}", "{\"b\":2}"))).isEmpty();
            sink.send(OcsfRecords.of("{\"c\":3}"));
        }
        assertThat(Files.readAllLines(file)).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
    }

    @Test
    void afterRotationTheNextBatchGoesToANewFileAtThePath() throws Exception {
        Path file = dir.resolve("zt-events.jsonl");
        Path rotated = dir.resolve("zt-events.jsonl.1");
        try (JsonLinesFileSink sink = new JsonLinesFileSink(file, JsonLinesFileSink.FsyncPolicy.NONE)) {
            sink.send(OcsfRecords.of("{\"before\":1}"));
            Files.move(file, rotated); // logrotate without copytruncate
            sink.send(OcsfRecords.of("{\"after\":1}"));
            Files.delete(file); // or a deleted file
            sink.send(OcsfRecords.of("{\"after\":2}"));
        }
        assertThat(Files.readAllLines(rotated)).containsExactly("{\"before\":1}");
        assertThat(Files.readAllLines(file)).containsExactly("{\"after\":2}");
    }
}
