package io.zerotrust.keycloak.events.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Which node drains a consumer's share of the outbox, until when. One node at a time per consumer keeps one user's
 * events in order and the scorer's memory on one node; a node that dies stops renewing, and another takes over once
 * the lease has run out.
 */
@Entity(name = "ZtOutboxLease")
@Table(name = "ZT_OUTBOX_LEASE")
public class OutboxLeaseEntity {

    @Id
    @Column(name = "CONSUMER", length = 32)
    private String consumer;

    @Column(name = "OWNER", length = 255)
    private String owner;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    public String getConsumer() {
        return consumer;
    }

    public void setConsumer(String consumer) {
        this.consumer = consumer;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
