package io.zerotrust.keycloak.events.outbox;

import java.util.EnumSet;
import java.util.Set;

import io.zerotrust.keycloak.events.SecurityEvent;
import org.keycloak.models.KeycloakSession;

/**
 * This node's way into the outbox: writes a record in the session's own transaction, for the consumers this node
 * runs. Nothing else happens on the request thread: no network, no file, no queue.
 */
public final class Outbox {

    private final Set<OutboxConsumer> eventConsumers;
    private final Set<OutboxConsumer> sinks;
    private final OutboxStamp stamp = new OutboxStamp(System::currentTimeMillis);

    /** @param sinks the sinks configured on this node (the scorer takes every event besides) */
    public Outbox(Set<OutboxConsumer> sinks) {
        this.sinks = sinks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sinks));
        EnumSet<OutboxConsumer> all = EnumSet.of(OutboxConsumer.SCORER);
        all.addAll(sinks);
        this.eventConsumers = Set.copyOf(all);
    }

    /** An event, for the scorer and the sinks. */
    public void append(KeycloakSession session, SecurityEvent event) {
        new OutboxStore(session).write(OutboxRecord.EVENT, event.realmId(), OutboxCodec.encode(event), stamp.next(),
                eventConsumers);
    }

    /** A ready OCSF record (a finding), for the sinks only. */
    public void appendOcsf(KeycloakSession session, String realmId, String ocsf) {
        if (ocsf.length() > OutboxRecord.MAX_PAYLOAD) {
            throw new IllegalArgumentException("OCSF record longer than " + OutboxRecord.MAX_PAYLOAD);
        }
        if (sinks.isEmpty()) {
            return; // no sink would ever take it
        }
        new OutboxStore(session).write(OutboxRecord.OCSF, realmId, ocsf, stamp.next(), sinks);
    }
}
