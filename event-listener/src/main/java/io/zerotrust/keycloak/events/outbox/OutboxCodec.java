package io.zerotrust.keycloak.events.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.zerotrust.keycloak.events.SecurityEvent;

/** A {@link SecurityEvent} as an outbox payload and back. */
public final class OutboxCodec {

    /** Detail set on an event whose details and User-Agent were left out to fit the outbox. */
    public static final String SHORTENED = "zt_shortened";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** The drainer reads every row it delivers: its reader is made once. */
    private static final ObjectReader READER = JSON.readerFor(SecurityEvent.class);
    private static final ObjectWriter WRITER = JSON.writerFor(SecurityEvent.class);

    private OutboxCodec() {
    }

    /** JSON that fits {@link OutboxRecord#MAX_PAYLOAD}: an oversized event keeps its identity, not its details. */
    public static String encode(SecurityEvent event) {
        String json = write(event);
        if (json.length() <= OutboxRecord.MAX_PAYLOAD) {
            return json;
        }
        SecurityEvent shortened = new SecurityEvent(event.id(), event.time(), event.realmId(), event.realmName(),
                event.origin(), event.type(), event.error(), event.userId(), event.username(), event.clientId(),
                event.sessionId(), event.ip(), Map.of(SHORTENED, "true"), event.country(), event.city(), event.asn(),
                event.asOrganization(), event.deviceIdHash(), null, event.risk(), event.latitude(), event.longitude());
        return write(shortened);
    }

    /** @throws IOException when the payload is not a readable event (a damaged row) */
    public static SecurityEvent decode(String payload) throws IOException {
        SecurityEvent event = READER.readValue(payload);
        if (event == null || event.type() == null) {
            throw new IOException("not an event: no type");
        }
        return event;
    }

    private static String write(SecurityEvent event) {
        try {
            return WRITER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
