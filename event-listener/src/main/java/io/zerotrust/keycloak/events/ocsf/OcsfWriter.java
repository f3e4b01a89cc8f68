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
        if (value != null) {
            try {
                json.writeStringField(name, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    OcsfWriter field(String name, long value) {
        try {
            json.writeNumberField(name, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    OcsfWriter field(String name, double value) {
        try {
            json.writeNumberField(name, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    OcsfWriter field(String name, boolean value) {
        try {
            json.writeBooleanField(name, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Opens an object under this name; {@link #end()} closes it. */
    OcsfWriter object(String name) {
        try {
            json.writeObjectFieldStart(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Opens an array under this name; {@link #end()} closes it. */
    OcsfWriter array(String name) {
        try {
            json.writeArrayFieldStart(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Opens an object as the next element of the open array. */
    OcsfWriter element() {
        try {
            json.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A string as the next element of the open array. */
    OcsfWriter element(String value) {
        try {
            json.writeString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Closes the innermost open object or array. */
    OcsfWriter end() {
        try {
            if (json.getOutputContext().inArray()) {
                json.writeEndArray();
            } else {
                json.writeEndObject();
            }
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
