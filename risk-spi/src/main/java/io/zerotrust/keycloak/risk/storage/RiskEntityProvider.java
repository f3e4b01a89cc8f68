package io.zerotrust.keycloak.risk.storage;

import java.util.List;

import io.zerotrust.keycloak.risk.profile.UserRiskProfileEntity;
import io.zerotrust.keycloak.risk.velocity.LoginFailureEntity;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Adds the pack's tables to Keycloak's database, created and upgraded by its Liquibase changelog. */
public class RiskEntityProvider implements JpaEntityProvider {

    static final String CHANGELOG = "META-INF/zt-risk-changelog.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(UserRiskProfileEntity.class, LoginFailureEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return RiskEntityProviderFactory.PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
