package io.zerotrust.keycloak.events.outbox;

/**
 * A row read from the outbox.
 *
 * @param kind    {@link #EVENT}: a {@code SecurityEvent} as JSON, for the scorer and the sinks; {@link #OCSF}: a
 *                ready OCSF record (a finding), for the sinks only
 */
public record OutboxRecord(String id, long stamp, String realmId, String kind, String payload) {

    public static final String EVENT = "event";
    public static final String OCSF = "ocsf";

    /** Longest payload a row holds (the column's width); longer events are shortened before they are written. */
    public static final int MAX_PAYLOAD = 32000;
}
