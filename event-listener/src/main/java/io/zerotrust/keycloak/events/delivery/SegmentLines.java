package io.zerotrust.keycloak.events.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

/**
 * The events of one spool segment, read so that damage costs only the damaged lines: a line cut by a crash or a full
 * disk, or bytes that are not UTF-8, is not an event. Such lines are moved to {@code <segment>.corrupt} beside it
 * (kept for an operator, never replayed) and the segment is rewritten with the good ones, so one bad byte never stops
 * the export of everything else.
 */
final class SegmentLines {

    static final String CORRUPT_SUFFIX = ".corrupt";

    private static final Logger LOG = Logger.getLogger(SegmentLines.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private SegmentLines() {
    }

    /** The segment's events; damaged lines are set aside first (see the class comment). */
    static List<String> read(Path segment) throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        List<String> good = new ArrayList<>();
        List<byte[]> bad = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i > start) {
                    byte[] line = java.util.Arrays.copyOfRange(bytes, start, i);
                    String event = event(line);
                    if (event != null) {
                        good.add(event);
                    } else if (!new String(line, StandardCharsets.UTF_8).isBlank()) {
                        bad.add(line);
                    }
                }
                start = i + 1;
            }
        }
        if (!bad.isEmpty()) {
            setAside(segment, good, bad);
        }
        return good;
    }

    /** The line as an event (one complete JSON object in UTF-8), or null. */
    private static String event(byte[] line) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString().trim();
        } catch (CharacterCodingException e) {
            return null;
        }
        if (text.isEmpty()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? text : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static void setAside(Path segment, List<String> good, List<byte[]> bad) throws IOException {
        Path corrupt = segment.resolveSibling(segment.getFileName() + CORRUPT_SUFFIX);
        try (var out = Files.newOutputStream(corrupt, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (byte[] line : bad) {
                out.write(line);
                out.write('\n');
            }
        }
        Path rewritten = segment.resolveSibling(segment.getFileName() + ".tmp");
        StringBuilder text = new StringBuilder();
        for (String event : good) {
            text.append(event).append('\n');
        }
        Files.writeString(rewritten, text, StandardCharsets.UTF_8);
        Files.move(rewritten, segment, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.errorf("Spool segment %s had %d damaged line(s) (a cut write, or bytes that are not UTF-8 JSON): moved to %s;"
                + " its %d other events are kept and will be sent", segment, bad.size(), corrupt.getFileName(), good.size());
    }
}
