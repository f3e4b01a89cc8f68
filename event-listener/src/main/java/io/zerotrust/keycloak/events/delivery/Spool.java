package io.zerotrust.keycloak.events.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntConsumer;

import org.jboss.logging.Logger;

/**
 * A durable, bounded backlog of undelivered events for one sink: append-only segment files
 * ({@code segment-<n>.jsonl}, one JSON object per line) in a directory of its own. Appends are forced to disk.
 * When the total would pass the limit the <b>oldest</b> segment is deleted and its events counted as dropped,
 * with a WARN: recent events are the ones an investigation needs first.
 *
 * <p>The replayer takes whole segments, oldest first ({@link #oldest()}), and deletes them once delivered
 * ({@link #acknowledge}). A segment evicted while being replayed may still be delivered: counted as dropped
 * nonetheless. Thread-safe.
 */
public final class Spool {

    private static final Logger LOG = Logger.getLogger(Spool.class);
    private static final String PREFIX = "segment-";
    private static final String SUFFIX = ".jsonl";

    private final Path dir;
    private final long maxBytes;
    private final long segmentBytes;
    private final IntConsumer droppedOnOverflow;
    private final Deque<Segment> closed = new ArrayDeque<>();
    private Segment active;
    private FileChannel activeChannel;
    private long nextNumber;

    /** A segment file with its size and number of events. */
    public static final class Segment {
        final Path path;
        final long number;
        long bytes;
        int lines;

        Segment(Path path, long number, long bytes, int lines) {
            this.path = path;
            this.number = number;
            this.bytes = bytes;
            this.lines = lines;
        }
    }

    /**
     * Opens the spool, adopting segments left by an earlier run (they are replayed first).
     *
     * @param droppedOnOverflow told how many events an eviction dropped
     */
    public Spool(Path dir, long maxBytes, IntConsumer droppedOnOverflow) throws IOException {
        this.dir = dir;
        this.maxBytes = maxBytes;
        // several segments, so that evicting one loses only a slice of the backlog
        this.segmentBytes = Math.max(16 * 1024, maxBytes / 8);
        this.droppedOnOverflow = droppedOnOverflow;
        Files.createDirectories(dir);
        List<Segment> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                long number = number(file);
                if (number >= 0) {
                    int lines = SegmentLines.read(file).size();
                    found.add(new Segment(file, number, Files.size(file), lines));
                }
            }
        }
        found.sort((a, b) -> Long.compare(a.number, b.number));
        for (Segment segment : found) {
            if (segment.lines > 0) {
                closed.add(segment);
            } else {
                Files.deleteIfExists(segment.path);
            }
            nextNumber = Math.max(nextNumber, segment.number + 1);
        }
    }

    /** Appends events, evicting the oldest segments when the spool is full. */
    public synchronized void append(List<String> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (String record : records) {
            text.append(record).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            LOG.warnf("Spool %s: a batch of %d events (%d bytes) is larger than the whole spool; dropped", dir,
                    records.size(), bytes.length);
            droppedOnOverflow.accept(records.size());
            return;
        }
        if (activeChannel != null && !activeChannel.isOpen()) {
            // closed under us (an interrupted writer): keep what it holds, continue in a new segment
            activeChannel = null;
            roll();
        }
        while (totalBytes() + bytes.length > maxBytes) {
            if (closed.isEmpty()) {
                roll();
            }
            evictOldest();
        }
        if (active == null || active.bytes >= segmentBytes) {
            roll();
            openActive();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            activeChannel.write(buffer);
        }
        // durable before the caller forgets the events
        activeChannel.force(false);
        active.bytes += bytes.length;
        active.lines += records.size();
    }

    private void evictOldest() throws IOException {
        Segment oldest = closed.pollFirst();
        if (oldest == null) {
            return;
        }
        Files.deleteIfExists(oldest.path);
        LOG.warnf("Spool %s is full (%d bytes): dropped its oldest %d undelivered events (%s)", dir, maxBytes,
                oldest.lines, oldest.path.getFileName());
        droppedOnOverflow.accept(oldest.lines);
    }

    /**
     * The oldest segment with its events, for replay; the active segment is closed first when it is the only
     * one. Null when the spool is empty.
     */
    public synchronized Replay oldest() throws IOException {
        if (closed.isEmpty()) {
            if (active == null || active.lines == 0) {
                return null;
            }
            roll();
        }
        Segment segment = closed.peekFirst();
        List<String> lines = SegmentLines.read(segment.path);
        segment.lines = lines.size();
        segment.bytes = Files.size(segment.path);
        return new Replay(segment, lines);
    }

    /** Events of one segment to re-send. */
    public record Replay(Segment segment, List<String> records) {
    }

    /** Deletes a replayed segment. */
    public synchronized void acknowledge(Segment segment) throws IOException {
        if (closed.remove(segment)) {
            Files.deleteIfExists(segment.path);
        }
    }

    public synchronized boolean isEmpty() {
        return closed.isEmpty() && (active == null || active.lines == 0);
    }

    public synchronized int events() {
        int events = active == null ? 0 : active.lines;
        for (Segment segment : closed) {
            events += segment.lines;
        }
        return events;
    }

    public synchronized long totalBytes() {
        long total = active == null ? 0 : active.bytes;
        for (Segment segment : closed) {
            total += segment.bytes;
        }
        return total;
    }

    public synchronized void close() {
        try {
            roll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void roll() throws IOException {
        if (activeChannel != null) {
            activeChannel.close();
            activeChannel = null;
        }
        if (active != null) {
            if (active.lines > 0) {
                closed.addLast(active);
            } else {
                Files.deleteIfExists(active.path);
            }
            active = null;
        }
    }

    private void openActive() throws IOException {
        long number = nextNumber++;
        Path path = dir.resolve(String.format("%s%020d%s", PREFIX, number, SUFFIX));
        activeChannel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        active = new Segment(path, number, 0, 0);
    }

    private static long number(Path file) {
        String name = file.getFileName().toString();
        try {
            return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return -1;
        }
    }
}
