package io.zerotrust.keycloak.risk.storage;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Adds some of the pack's tables to Keycloak's database: the entities of one module, created and upgraded by that
 * module's Liquibase changelog. Each module that keeps state declares one subclass.
 */
public abstract class PackEntityProviderFactory implements JpaEntityProviderFactory {

    private final JpaEntityProvider provider;

    /**
     * @param id        the factory id, also naming the changelog's tracking in Keycloak
     * @param changelog the Liquibase changelog on the class path
     * @param entities  the JPA entities of the tables it creates
     */
    protected PackEntityProviderFactory(String id, String changelog, List<Class<?>> entities) {
        List<Class<?>> copy = List.copyOf(entities);
        this.provider = new JpaEntityProvider() {
            @Override
            public List<Class<?>> getEntities() {
                return copy;
            }

            @Override
            public String getChangelogLocation() {
                return changelog;
            }

            @Override
            public String getFactoryId() {
                return id;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return provider;
    }

    @Override
    public String getId() {
        return provider.getFactoryId();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
