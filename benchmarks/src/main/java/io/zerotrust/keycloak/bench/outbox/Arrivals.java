package io.zerotrust.keycloak.bench.outbox;

/**
 * Where {@link OutboxDrainLoad} counts the events the server drained: a sink's far end, here in the driver. Each
 * event counts once, whatever a replay brings again.
 */
interface Arrivals extends AutoCloseable {

    /** @return the sink as the benchmark's output names it: {@code the webhook}, {@code Kafka} */
    String sink();

    /** @return the {@code ZT_EVENT_OUTBOX} flag column that sends a row to this sink, e.g. {@code TO_WEBHOOK} */
    String outboxColumn();

    /** @return how many distinct events have arrived so far */
    long count();

    /** @return how many records arrived again and were not counted; 0 where this end cannot tell them */
    long repeats();

    @Override
    void close() throws Exception;

    /**
     * @param spec {@code webhook:<receiver port>} or {@code kafka:<bootstrap servers>/<topic>}
     */
    static Arrivals of(String spec) throws Exception {
        int colon = spec.indexOf(':');
        String sink = colon < 0 ? spec : spec.substring(0, colon);
        String where = colon < 0 ? "" : spec.substring(colon + 1);
        switch (sink) {
            case "webhook":
                return WebhookArrivals.listening(Integer.parseInt(where));
            case "kafka":
                int slash = where.lastIndexOf('/');
                if (slash <= 0) {
                    throw new IllegalArgumentException("kafka:<bootstrap servers>/<topic> expected, not " + spec);
                }
                return KafkaArrivals.consuming(where.substring(0, slash), where.substring(slash + 1));
            default:
                throw new IllegalArgumentException("unknown sink " + spec + ": webhook:<port> or kafka:<servers>/<topic>");
        }
    }
}
