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
 * sinks, so that a slow receiver delays no finding and no revocation. Scoring runs in the transaction that marks
 * the batch scored, with the scorer's memory in that transaction too: a batch tried again after a failure is not
 * learned twice. The findings go back into the outbox for the sinks and into the findings table for analysts in
 * that transaction; their actions (step-up, revocation) run once it has committed. A scoring error is logged and
 * the batch counted as scored (the events still reach the sinks); a batch whose transaction fails
 * {@value #MAX_TRIES} times is taken unscored, so that one bad batch cannot stop scoring.
 */
public final class ScorerHandler implements OutboxHandler {

    /** Scores a batch in a session whose transaction marks it scored. */
    @FunctionalInterface
    public interface Scoring {
        void score(KeycloakSession session, List<SecurityEvent> batch, Consumer<AnomalyFinding> findings);
    }

    static final int MAX_TRIES = 3;

    private static final Logger LOG = Logger.getLogger(ScorerHandler.class);

    private final OcsfMapper mapper = new OcsfMapper();
    private final Scoring scorer;
    private final Outbox outbox;
    private final BiConsumer<KeycloakSession, AnomalyFinding> store;
    private final Consumer<AnomalyFinding> findingHandler;
    private String triedBatch;
    private int tries;

    /**
     * @param scorer         scores a batch, telling each finding
     * @param outbox         where the findings go for the sinks
     * @param store          keeps a finding for analysts, in the same transaction
     * @param findingHandler told of each finding once it is stored (its actions)
     */
    public ScorerHandler(Scoring scorer, Outbox outbox,
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
        String first = batch.isEmpty() ? null : batch.get(0).id();
        tries = first != null && first.equals(triedBatch) ? tries + 1 : 1;
        triedBatch = first;
        if (tries > MAX_TRIES) {
            LOG.errorf("Scoring a batch of %d events failed %d times; it goes to the sinks unscored", events.size(), MAX_TRIES);
            return Outcome.withDeadLetters(deadLetters);
        }
        List<AnomalyFinding> findings = new ArrayList<>();
        return new Outcome(Map.copyOf(deadLetters), session -> {
            findings.clear();
            try {
                scorer.score(session, events, findings::add);
            } catch (RuntimeException e) {
                // a database error fails the transaction and the batch is tried again; anything else is the scorer's
                LOG.errorf(e, "Anomaly scoring failed for a batch of %d events; they go to the sinks unscored", events.size());
            }
            for (AnomalyFinding finding : findings) {
                store.accept(session, finding);
                outbox.appendOcsf(session, finding.realmId(), mapper.map(finding).text());
            }
        }, () -> {
            triedBatch = null;
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
