package io.zerotrust.keycloak.events.listener;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.zerotrust.keycloak.events.SecurityEvent;
import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;
import io.zerotrust.keycloak.events.ocsf.OcsfMapper;
import io.zerotrust.keycloak.events.outbox.Outbox;
import io.zerotrust.keycloak.events.outbox.OutboxCodec;
import io.zerotrust.keycloak.events.outbox.OutboxHandler;
import io.zerotrust.keycloak.events.outbox.OutboxRecord;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;

/**
 * The scorer's share of the outbox: scores each batch of events for anomalies on its own worker, apart from the
 * sinks, so that a slow receiver delays no finding and no revocation. The findings go back into the outbox for the
 * sinks and into the findings table for analysts, in the transaction that marks the batch scored; their actions (step-up, revocation) run once it has
 * committed. A scoring failure is logged and the batch counted as scored: the events still reach the sinks.
 */
public final class ScorerHandler implements OutboxHandler {

    private static final Logger LOG = Logger.getLogger(ScorerHandler.class);

    private final OcsfMapper mapper = new OcsfMapper();
    private final BiConsumer<List<SecurityEvent>, Consumer<AnomalyFinding>> scorer;
    private final Outbox outbox;
    private final BiConsumer<KeycloakSession, AnomalyFinding> store;
    private final Consumer<AnomalyFinding> findingHandler;

    /**
     * @param scorer         scores a batch, telling each finding
     * @param outbox         where the findings go for the sinks
     * @param store          keeps a finding for analysts, in the same transaction
     * @param findingHandler told of each finding once it is stored (its actions)
     */
    public ScorerHandler(BiConsumer<List<SecurityEvent>, Consumer<AnomalyFinding>> scorer, Outbox outbox,
                         BiConsumer<KeycloakSession, AnomalyFinding> store, Consumer<AnomalyFinding> findingHandler) {
        this.scorer = scorer;
        this.outbox = outbox;
        this.store = store;
        this.findingHandler = findingHandler;
    }

    @Override
    public Outcome handle(List<OutboxRecord> batch) {
        List<SecurityEvent> events = new ArrayList<>(batch.size());
        Map<String, String> deadLetters = new HashMap<>();
        for (OutboxRecord record : batch) {
            if (!OutboxRecord.EVENT.equals(record.kind())) {
                continue;
            }
            try {
                events.add(OutboxCodec.decode(record.payload()));
            } catch (IOException | RuntimeException e) {
                deadLetters.put(record.id(), "unreadable outbox row: " + e.getMessage());
            }
        }
        List<AnomalyFinding> findings = new ArrayList<>();
        try {
            scorer.accept(events, findings::add);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Anomaly scoring failed for a batch of %d events; they go to the sinks unscored", events.size());
        }
        if (findings.isEmpty()) {
            return Outcome.withDeadLetters(deadLetters);
        }
        return new Outcome(Map.copyOf(deadLetters), session -> {
            for (AnomalyFinding finding : findings) {
                store.accept(session, finding);
                outbox.appendOcsf(session, finding.realmId(), mapper.map(finding).toString());
            }
        }, () -> {
            for (AnomalyFinding finding : findings) {
                LOG.infof("Anomaly finding %s: %s %s (%d) user=%s ip=%s reasons=%s", finding.id(), finding.level(),
                        finding.kind(), finding.score(), finding.userId(), finding.ip(), finding.reasonCodes());
                try {
                    findingHandler.accept(finding);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Handling finding %s failed", finding.id());
                }
            }
        });
    }
}
