package io.zerotrust.keycloak.events.metrics;

import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * The pipeline's meters. Names are Micrometer's dotted form; Keycloak's Prometheus endpoint exports them as
 * {@code zt_events_outbox_backlog} and {@code zt_events_consumer_failing} (per consumer), {@code zt_events_delivered_total}, {@code zt_events_retried_total},
 * {@code zt_events_dropped_total} and {@code zt_anomaly_scorer_seconds}. Counters are tagged with the sink
 * ({@code webhook}, {@code file}, {@code kafka}) or, for drops and dead letters, the reason.
 */
public final class PipelineMetrics {

    public static final String BACKLOG = "zt.events.outbox.backlog";
    public static final String FAILING = "zt.events.consumer.failing";
    public static final String DELIVERED = "zt.events.delivered";
    public static final String RETRIED = "zt.events.retried";
    public static final String DROPPED = "zt.events.dropped";
    public static final String SCORER = "zt.anomaly.scorer";

    private final MeterRegistry registry;
    private final Timer scorer;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.scorer = Timer.builder(SCORER).description("Time the anomaly scorer takes per event").register(registry);
    }

    /** Meters in Micrometer's global registry, which Keycloak's /metrics exports when metrics are enabled. */
    public static PipelineMetrics global() {
        return new PipelineMetrics(Metrics.globalRegistry);
    }

    /** Records in the outbox that still wait for a consumer: read from the database at each scrape. */
    public void backlog(String consumer, Supplier<Number> backlog) {
        Gauge.builder(BACKLOG, backlog).tag("consumer", consumer)
                .description("Records in the outbox waiting for this consumer").register(registry);
    }

    /** 1 while the consumer's last round failed (a sink down or refusing the pack, e.g. HTTP 401), else 0. */
    public void failing(String consumer, Supplier<Number> failing) {
        Gauge.builder(FAILING, failing).tag("consumer", consumer)
                .description("Whether this consumer's last round failed").register(registry);
    }

    public void delivered(String sink, int count) {
        counter(DELIVERED, "sink", sink).increment(count);
    }

    public void retried(String sink) {
        counter(RETRIED, "sink", sink).increment();
    }

    public void dropped(String reason, int count) {
        counter(DROPPED, "reason", reason).increment(count);
    }

    public void scored(long nanos) {
        scorer.record(Duration.ofNanos(nanos));
    }

    /** Current count of a counter, 0 when it was never incremented. */
    public double count(String name, String tag, String value) {
        Counter counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    private Counter counter(String name, String tag, String value) {
        return Counter.builder(name).tag(tag, value).register(registry);
    }
}
