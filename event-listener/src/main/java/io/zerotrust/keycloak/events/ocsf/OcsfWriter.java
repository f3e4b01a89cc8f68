package io.zerotrust.keycloak.events.ocsf;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

/**
 * Writes one OCSF object straight to UTF-8 JSON, field by field, leaving out absent (null) values as OCSF
 * recommends. The drainer maps every event it delivers: building a tree of nodes first and writing it after took
 * most of a sink's CPU. The writer is in memory, so Jackson's I/O errors cannot happen and are not declared.
 */
final class OcsfWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private final ByteArrayBuilder bytes = new ByteArrayBuilder(2048);
    private final JsonGenerator json;

    /** Opens the event's object. */
    OcsfWriter() {
        try {
            json = JSON.createGenerator(bytes);
            json.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    OcsfWriter field(String name, String value) {
        return value == null ? this : write(json -> json.writeStringField(name, value));
    }

    OcsfWriter field(String name, long value) {
        return write(json -> json.writeNumberField(name, value));
    }

    OcsfWriter field(String name, double value) {
        return write(json -> json.writeNumberField(name, value));
    }

    OcsfWriter field(String name, boolean value) {
        return write(json -> json.writeBooleanField(name, value));
    }

    /** Opens an object under this name; {@link #end()} closes it. */
    OcsfWriter object(String name) {
        return write(json -> json.writeObjectFieldStart(name));
    }

    /** Opens an array under this name; {@link #end()} closes it. */
    OcsfWriter array(String name) {
        return write(json -> json.writeArrayFieldStart(name));
    }

    /** Opens an object as the next element of the open array. */
    OcsfWriter element() {
        return write(JsonGenerator::writeStartObject);
    }

    /** A string as the next element of the open array. */
    OcsfWriter element(String value) {
        return write(json -> json.writeString(value));
    }

    /** Closes the innermost open object or array. */
    OcsfWriter end() {
        return write(json -> {
            if (json.getOutputContext().inArray()) {
                json.writeEndArray();
            } else {
                json.writeEndObject();
            }
        });
    }

    /** One step of Jackson's generator, which declares I/O errors an in-memory writer never meets. */
    @FunctionalInterface
    private interface Step {
        void to(JsonGenerator json) throws IOException;
    }

    private OcsfWriter write(Step step) {
        try {
            step.to(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Closes the event's object and returns it as UTF-8. */
    byte[] finish() {
        try {
            json.writeEndObject();
            if (!json.getOutputContext().inRoot()) {
                throw new IllegalStateException("an OCSF object left open inside the event");
            }
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
