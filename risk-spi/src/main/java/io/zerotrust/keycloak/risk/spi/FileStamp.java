package io.zerotrust.keycloak.risk.spi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What identifies a file's content on disk without reading it: its file key (the inode, where the file system has
 * one), size and modification time. A file replaced by a rename, or overwritten in place, gets another stamp; the
 * GeoIP databases and the address list files are re-read when theirs changes.
 */
public record FileStamp(Object fileKey, long size, FileTime modified) {

    /** @throws IOException when the file cannot be stat'ed (e.g. {@link java.nio.file.NoSuchFileException}) */
    public static FileStamp of(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        return new FileStamp(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime());
    }

    /** The file's stamp, or null when it cannot be stat'ed (a file that is not there has no stamp). */
    public static FileStamp orNull(Path path) {
        try {
            return of(path);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
