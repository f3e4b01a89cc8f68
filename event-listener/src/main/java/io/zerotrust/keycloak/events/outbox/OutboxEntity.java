package io.zerotrust.keycloak.events.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One record waiting in the outbox: written in the transaction of the request that produced it, deleted once every
 * consumer it was written for has taken it. One flag per consumer ({@link OutboxConsumer}), so that a sink that is
 * down holds back nothing for the others.
 */
@Entity(name = "ZtOutboxEntry")
@Table(name = "ZT_EVENT_OUTBOX")
public class OutboxEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    /** Order of writing: per node strictly increasing microseconds since the epoch ({@link OutboxStamp}). */
    @Column(name = "STAMP", nullable = false)
    private long stamp;

    @Column(name = "REALM_ID", length = 36)
    private String realmId;

    @Column(name = "KIND", length = 16, nullable = false)
    private String kind;

    @Column(name = "PAYLOAD", length = OutboxRecord.MAX_PAYLOAD, nullable = false)
    private String payload;

    @Column(name = "TO_SCORER", nullable = false)
    private boolean toScorer;

    @Column(name = "TO_WEBHOOK", nullable = false)
    private boolean toWebhook;

    @Column(name = "TO_FILE", nullable = false)
    private boolean toFile;

    @Column(name = "TO_KAFKA", nullable = false)
    private boolean toKafka;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public long getStamp() {
        return stamp;
    }

    public void setStamp(long stamp) {
        this.stamp = stamp;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        this.payload = payload;
    }

    public boolean isToScorer() {
        return toScorer;
    }

    public void setToScorer(boolean toScorer) {
        this.toScorer = toScorer;
    }

    public boolean isToWebhook() {
        return toWebhook;
    }

    public void setToWebhook(boolean toWebhook) {
        this.toWebhook = toWebhook;
    }

    public boolean isToFile() {
        return toFile;
    }

    public void setToFile(boolean toFile) {
        this.toFile = toFile;
    }

    public boolean isToKafka() {
        return toKafka;
    }

    public void setToKafka(boolean toKafka) {
        this.toKafka = toKafka;
    }
}
