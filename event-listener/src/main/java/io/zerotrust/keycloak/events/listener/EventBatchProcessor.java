package io.zerotrust.keycloak.events.listener;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;
import io.zerotrust.keycloak.events.ocsf.OcsfMapper;
import org.jboss.logging.Logger;

/**
 * What the event worker does with a batch: scores it for anomalies, then maps events and findings to OCSF
 * JSON lines for the sinks, and hands each finding on (recent findings, actions). Scoring failures are logged
 * and the events delivered anyway: the SOC copy matters more than one detection.
 */
public final class EventBatchProcessor implements Function<List<SecurityEvent>, List<String>> {

    private static final Logger LOG = Logger.getLogger(EventBatchProcessor.class);

    private final OcsfMapper mapper = new OcsfMapper();
    private final BiConsumer<List<SecurityEvent>, Consumer<AnomalyFinding>> scorer;
    private final Consumer<AnomalyFinding> findingHandler;

    /**
     * @param scorer         scores a batch, telling each finding
     * @param findingHandler told of each finding after scoring
     */
    public EventBatchProcessor(BiConsumer<List<SecurityEvent>, Consumer<AnomalyFinding>> scorer,
                               Consumer<AnomalyFinding> findingHandler) {
        this.scorer = scorer;
        this.findingHandler = findingHandler;
    }

    @Override
    public List<String> apply(List<SecurityEvent> batch) {
        List<AnomalyFinding> findings = new ArrayList<>();
        try {
            scorer.accept(batch, findings::add);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Anomaly scoring failed for a batch of %d events; delivering them unscored", batch.size());
        }
        List<String> records = new ArrayList<>(batch.size() + findings.size());
        for (SecurityEvent event : batch) {
            mapper.map(event).ifPresent(ocsf -> records.add(ocsf.toString()));
        }
        for (AnomalyFinding finding : findings) {
            records.add(mapper.map(finding).toString());
            LOG.infof("Anomaly finding %s: %s %s (%d) user=%s ip=%s reasons=%s", finding.id(), finding.level(),
                    finding.kind(), finding.score(), finding.userId(), finding.ip(), finding.reasonCodes());
            try {
                findingHandler.accept(finding);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Handling finding %s failed", finding.id());
            }
        }
        return records;
    }
}
