package io.zerotrust.keycloak.events.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A record a consumer could never take: one the receiver refused on its own (HTTP 400 or 413 for that single event),
 * or an outbox row that cannot be read. Kept with the answer for an admin to look at, instead of blocking the
 * outbox or vanishing.
 */
@Entity(name = "ZtDeadLetter")
@Table(name = "ZT_EVENT_DEAD_LETTER")
public class DeadLetterEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36)
    private String realmId;

    @Column(name = "CONSUMER", length = 32, nullable = false)
    private String consumer;

    @Column(name = "REASON", length = 1000, nullable = false)
    private String reason;

    @Column(name = "PAYLOAD", length = OutboxRecord.MAX_PAYLOAD, nullable = false)
    private String payload;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getConsumer() {
        return consumer;
    }

    public void setConsumer(String consumer) {
        this.consumer = consumer;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        this.payload = payload;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }
}
