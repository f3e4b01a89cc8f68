package io.zerotrust.keycloak.events.storage;

import java.util.List;

import io.zerotrust.keycloak.events.anomaly.ScorerReportEntity;
import io.zerotrust.keycloak.events.anomaly.ScorerTotalEntity;
import io.zerotrust.keycloak.events.anomaly.ScorerUserEntity;
import io.zerotrust.keycloak.events.anomaly.ScorerValueEntity;
import io.zerotrust.keycloak.events.anomaly.SessionOriginEntity;
import io.zerotrust.keycloak.events.feedback.FindingEntity;
import io.zerotrust.keycloak.events.outbox.DeadLetterEntity;
import io.zerotrust.keycloak.events.outbox.OutboxEntity;
import io.zerotrust.keycloak.events.outbox.OutboxLeaseEntity;
import io.zerotrust.keycloak.risk.storage.PackEntityProviderFactory;

/** The event pipeline's tables: outbox, leases, dead letters, findings, the anomaly scorer's memory. */
public class EventsEntityProviderFactory extends PackEntityProviderFactory {

    public static final String PROVIDER_ID = "zt-events";

    public EventsEntityProviderFactory() {
        super(PROVIDER_ID, "META-INF/zt-events-changelog.xml",
                List.of(OutboxEntity.class, OutboxLeaseEntity.class, DeadLetterEntity.class, FindingEntity.class,
                        ScorerUserEntity.class, ScorerValueEntity.class, ScorerTotalEntity.class, SessionOriginEntity.class,
                        ScorerReportEntity.class));
    }
}
