package io.zerotrust.keycloak.events.storage;

import java.util.List;

import io.zerotrust.keycloak.events.feedback.FindingEntity;
import io.zerotrust.keycloak.events.outbox.DeadLetterEntity;
import io.zerotrust.keycloak.events.outbox.OutboxEntity;
import io.zerotrust.keycloak.events.outbox.OutboxLeaseEntity;
import io.zerotrust.keycloak.risk.storage.PackEntityProviderFactory;

/** The event pipeline's tables: outbox, leases, dead letters, findings. */
public class EventsEntityProviderFactory extends PackEntityProviderFactory {

    public static final String PROVIDER_ID = "zt-events";

    public EventsEntityProviderFactory() {
        super(PROVIDER_ID, "META-INF/zt-events-changelog.xml",
                List.of(OutboxEntity.class, OutboxLeaseEntity.class, DeadLetterEntity.class, FindingEntity.class));
    }
}
