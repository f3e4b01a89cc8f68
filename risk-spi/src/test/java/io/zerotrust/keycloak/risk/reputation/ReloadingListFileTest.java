package io.zerotrust.keycloak.risk.reputation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReloadingListFileTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();

    /** Writes and stamps the file with a distinct time, so the change is seen whatever the file system's precision. */
    private static void write(Path file, String text, int stamp) throws IOException {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(stamp)));
    }

    @Test
    void loadsAtOnceAndReloadsAChangedFileAfterTheInterval() throws IOException {
        Path file = dir.resolve("deny.txt");
        write(file, "192.0.2.1\n", 1);
        ReloadingListFile list = new ReloadingListFile(file, INTERVAL, clock);

        assertThat(list.current().available()).isTrue();
        assertThat(list.current().set().contains("192.0.2.1")).isTrue();

        write(file, "198.51.100.0/24\n", 2);
        clock.advance(Duration.ofSeconds(29));
        assertThat(list.current().set().contains("192.0.2.1")).as("not checked before the interval").isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(list.current().set().contains("192.0.2.1")).isFalse();
        assertThat(list.current().set().contains("198.51.100.9")).isTrue();
    }

    @Test
    void aChangeOfSizeAloneIsEnough() throws IOException {
        Path file = dir.resolve("tor.txt");
        write(file, "192.0.2.1\n", 1);
        ReloadingListFile list = new ReloadingListFile(file, Duration.ZERO, clock);

        write(file, "192.0.2.1\n192.0.2.2\n", 1);

        assertThat(list.current().set().contains("192.0.2.2")).isTrue();
    }

    /** A deployment that writes the new list beside the old one and renames it over, same size and time. */
    @Test
    void aFileRenamedOverWithTheSameSizeAndTimeIsReread() throws IOException {
        Path file = dir.resolve("deny.txt");
        write(file, "192.0.2.1\n", 1);
        ReloadingListFile list = new ReloadingListFile(file, Duration.ZERO, clock);
        Path next = dir.resolve("deny.txt.new");
        write(next, "192.0.2.2\n", 1);
        Assumptions.assumeTrue(Files.readAttributes(next, BasicFileAttributes.class).fileKey() != null,
                "the file system gives files a key (an inode), as Linux file systems do");

        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(list.current().set().contains("192.0.2.2")).isTrue();
        assertThat(list.current().set().contains("192.0.2.1")).isFalse();
    }

    @Test
    void malformedLinesAreSkippedOnReload() throws IOException {
        Path file = dir.resolve("allow.txt");
        write(file, "192.0.2.1\n", 1);
        ReloadingListFile list = new ReloadingListFile(file, Duration.ZERO, clock);

        write(file, "# edited\n192.0.2.1\nbogus line\n2001:db8::/32\n", 2);

        ListSnapshot snapshot = list.current();
        assertThat(snapshot.set().contains("192.0.2.1")).isTrue();
        assertThat(snapshot.set().contains("2001:db8::1")).isTrue();
        assertThat(snapshot.set().ranges()).isEqualTo(2);
    }

    @Test
    void aFileThatDisappearsKeepsItsPreviousContentAndIsPickedUpAgain() throws IOException {
        Path file = dir.resolve("deny.txt");
        write(file, "192.0.2.1\n", 1);
        ReloadingListFile list = new ReloadingListFile(file, Duration.ZERO, clock);

        Files.delete(file);
        assertThat(list.current().available()).isTrue();
        assertThat(list.current().set().contains("192.0.2.1")).isTrue();

        write(file, "192.0.2.2\n", 2);
        assertThat(list.current().set().contains("192.0.2.2")).isTrue();
        assertThat(list.current().set().contains("192.0.2.1")).isFalse();
    }

    @Test
    void aFileNeverReadIsEmptyAndUnavailableUntilItAppears() throws IOException {
        Path file = dir.resolve("missing.txt");
        ReloadingListFile list = new ReloadingListFile(file, Duration.ZERO, clock);

        ListSnapshot snapshot = list.current();
        assertThat(snapshot.available()).isFalse();
        assertThat(snapshot.unavailableReason()).contains(file.toString()).contains("no such file");
        assertThat(snapshot.set().isEmpty()).isTrue();

        write(file, "192.0.2.1\n", 1);
        assertThat(list.current().available()).isTrue();
        assertThat(list.current().set().contains("192.0.2.1")).isTrue();
    }
}
