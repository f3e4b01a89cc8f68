package io.zerotrust.keycloak.events.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

import io.zerotrust.keycloak.events.ocsf.OcsfJson;

/**
 * Appends events to a file, one JSON object per line, for a log shipper to pick up. With {@link FsyncPolicy#BATCH}
 * each batch is forced to disk before it counts as delivered; with {@link FsyncPolicy#NONE} the OS decides,
 * faster but a power cut may lose the last seconds. After rotation (the file moved or deleted) the next batch goes
 * to a new file at the path.
 */
public final class JsonLinesFileSink implements EventSink {

    /** When the file is forced to disk. */
    public enum FsyncPolicy { BATCH, NONE }

    private final Path path;
    private final FsyncPolicy fsync;
    private FileChannel channel;
    private Object fileKey;

    public JsonLinesFileSink(Path path, FsyncPolicy fsync) {
        this.path = path;
        this.fsync = fsync;
    }

    @Override
    public String name() {
        return "file";
    }

    @Override
    public synchronized List<Rejected> send(List<OcsfJson> records) throws DeliveryException {
        int length = 0;
        for (OcsfJson record : records) {
            length += record.utf8().length + 1;
        }
        ByteBuffer bytes = ByteBuffer.allocate(length);
        for (OcsfJson record : records) {
            bytes.put(record.utf8()).put((byte) '\n');
        }
        bytes.flip();
        try {
            if (channel != null && rotated()) {
                // logrotate moved or deleted the file: write to a new one at the path, not to the moved one
                closeQuietly();
            }
            if (channel == null) {
                Path parent = path.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
                fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            }
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            if (fsync == FsyncPolicy.BATCH) {
                channel.force(false);
            }
        } catch (IOException e) {
            closeQuietly();
            throw DeliveryException.transientFailure("io_error", "could not append to " + path + ": " + e, e);
        }
        return List.of();
    }

    /** Whether the path names another file than the one open (or none): compared by inode where the OS has one. */
    private boolean rotated() {
        try {
            Object now = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            return now == null ? false : !now.equals(fileKey);
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to lose
            }
            channel = null;
        }
    }
}
