package io.zerotrust.keycloak.events.outbox;

/** Who takes records from the outbox, each at its own pace: the anomaly scorer and each sink. */
public enum OutboxConsumer {
    SCORER("scorer", "toScorer"),
    WEBHOOK("webhook", "toWebhook"),
    FILE("file", "toFile"),
    KAFKA("kafka", "toKafka");

    private final String id;
    private final String flag;

    OutboxConsumer(String id, String flag) {
        this.id = id;
        this.flag = flag;
    }

    /** Stable name: the lease row, metrics, logs and the dead-letter table use it. */
    public String id() {
        return id;
    }

    /** The entity attribute that says a row still waits for this consumer (a constant: safe in a query). */
    String flag() {
        return flag;
    }

    void mark(OutboxEntity row, boolean pending) {
        switch (this) {
            case SCORER -> row.setToScorer(pending);
            case WEBHOOK -> row.setToWebhook(pending);
            case FILE -> row.setToFile(pending);
            case KAFKA -> row.setToKafka(pending);
        }
    }

    public static OutboxConsumer sink(String name) {
        for (OutboxConsumer consumer : values()) {
            if (consumer != SCORER && consumer.id.equals(name)) {
                return consumer;
            }
        }
        throw new IllegalArgumentException("no outbox consumer for sink " + name);
    }
}
