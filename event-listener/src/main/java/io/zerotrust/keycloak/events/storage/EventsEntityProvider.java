package io.zerotrust.keycloak.events.storage;

import java.util.List;

import io.zerotrust.keycloak.events.feedback.FindingEntity;
import io.zerotrust.keycloak.events.outbox.DeadLetterEntity;
import io.zerotrust.keycloak.events.outbox.OutboxEntity;
import io.zerotrust.keycloak.events.outbox.OutboxLeaseEntity;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Adds the event pipeline's tables (outbox, leases, dead letters, findings) to Keycloak's database. */
public class EventsEntityProvider implements JpaEntityProvider {

    static final String CHANGELOG = "META-INF/zt-events-changelog.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(OutboxEntity.class, OutboxLeaseEntity.class, DeadLetterEntity.class, FindingEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return EventsEntityProviderFactory.PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
