package io.zerotrust.keycloak.risk.geo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;

import io.zerotrust.keycloak.risk.spi.FileStamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class HostingAsnsFileTest {

    @TempDir
    Path dir;

    @Test
    void aListRenamedOverIsReadAgain() throws IOException {
        Path file = Files.writeString(dir.resolve("hosting.txt"), "64510\n");
        HostingAsnsFile followed = HostingAsnsFile.load(file);
        assertThat(followed.refresh()).as("unchanged").isFalse();

        replace(file, "64511\n64512\n");

        assertThat(followed.refresh()).isTrue();
        assertThat(followed.current().contains(64511L)).isTrue();
        assertThat(followed.current().contains(64510L)).isFalse();
        assertThat(followed.refresh()).as("read once per change").isFalse();
    }

    /** Mid-run, a file emptied or removed by mistake must not swap the admin's networks for the shipped ones. */
    @Test
    void aBrokenOrMissingListKeepsTheListInUseUntilItIsFixed() throws IOException {
        Path file = Files.writeString(dir.resolve("hosting.txt"), "64510\n");
        HostingAsnsFile followed = HostingAsnsFile.load(file);

        replace(file, "# emptied\n");
        assertThat(followed.refresh()).isFalse();
        assertThat(followed.current().contains(64510L)).isTrue();

        Files.delete(file);
        assertThat(followed.refresh()).isFalse();
        assertThat(followed.current().contains(64510L)).isTrue();

        replace(file, "64513\n");
        assertThat(followed.refresh()).isTrue();
        assertThat(followed.current().contains(64513L)).isTrue();
    }

    /** A file broken at startup gives the shipped list, and the admin's once it is fixed, without a restart. */
    @Test
    void aListFixedAfterStartupReplacesTheShippedOne() throws IOException {
        Path file = dir.resolve("hosting.txt");
        HostingAsnsFile followed = HostingAsnsFile.load(file);
        assertThat(followed.current().source()).isEqualTo("shipped list");

        replace(file, "64510\n");

        assertThat(followed.refresh()).isTrue();
        assertThat(followed.current().source()).isEqualTo(file.toString());
    }

    /**
     * A file that could not be used is tried at every check, even where its fix changes no stamp (a fix of its
     * permissions; here, a rewrite in place of the same size, its time set back).
     */
    @Test
    void aListThatCouldNotBeUsedIsTriedAgainEvenIfItsStampStaysTheSame() throws IOException {
        Path file = Files.writeString(dir.resolve("hosting.txt"), "# none yet\n");
        FileTime time = Files.getLastModifiedTime(file);
        FileStamp before = FileStamp.of(file);
        HostingAsnsFile followed = HostingAsnsFile.load(file);
        assertThat(followed.current().source()).isEqualTo("shipped list");
        assertThat(followed.refresh()).isFalse();

        Files.writeString(file, "64510 # no\n");
        Files.setLastModifiedTime(file, time);
        assertThat(FileStamp.of(file)).as("the same stamp").isEqualTo(before);

        assertThat(followed.refresh()).isTrue();
        assertThat(followed.current().contains(64510L)).isTrue();
        assertThat(followed.refresh()).as("fixed: read again only when it changes").isFalse();
    }

    /** As a deployment does it: written beside the file and renamed over it, so the stamp changes. */
    private void replace(Path file, String text) throws IOException {
        Path next = Files.writeString(dir.resolve(file.getFileName() + ".new"), text);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
