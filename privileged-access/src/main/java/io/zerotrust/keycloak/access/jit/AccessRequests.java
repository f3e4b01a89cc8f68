package io.zerotrust.keycloak.access.jit;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** The requests of a realm in Keycloak's database, read and changed in the session's transaction. */
public final class AccessRequests {

    private final EntityManager em;

    public AccessRequests(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    void add(AccessRequestEntity request) {
        em.persist(request);
    }

    Optional<AccessRequestEntity> find(String realmId, String id) {
        AccessRequestEntity request = id == null ? null : em.find(AccessRequestEntity.class, id);
        return request == null || !request.realmId.equals(realmId) ? Optional.empty() : Optional.of(request);
    }

    /**
     * The request, locked for this transaction and read afresh: of two nodes changing it at once, the second
     * waits and then sees what the first did, so each change happens once.
     */
    Optional<AccessRequestEntity> lock(String realmId, String id) {
        Optional<AccessRequestEntity> found = find(realmId, id);
        found.ifPresent(request -> em.refresh(request, LockModeType.PESSIMISTIC_WRITE));
        return found;
    }

    List<AccessRequestEntity> ofUser(String realmId, String userId, int max) {
        return em.createQuery("select r from ZtAccessRequest r where r.realmId = :realm and r.userId = :user "
                        + "order by r.requestedAt desc", AccessRequestEntity.class)
                .setParameter("realm", realmId).setParameter("user", userId).setMaxResults(max).getResultList();
    }

    List<AccessRequestEntity> inState(String realmId, RequestState state, int max) {
        return em.createQuery("select r from ZtAccessRequest r where r.realmId = :realm and r.state = :state "
                        + "order by r.requestedAt", AccessRequestEntity.class)
                .setParameter("realm", realmId).setParameter("state", state.name()).setMaxResults(max).getResultList();
    }

    /** Whether the user has an open (pending or active) request for the role. */
    boolean open(String realmId, String userId, String roleId) {
        return !em.createQuery("select r.id from ZtAccessRequest r where r.realmId = :realm and r.userId = :user "
                        + "and r.roleId = :role and r.state in ('PENDING', 'ACTIVE')", String.class)
                .setParameter("realm", realmId).setParameter("user", userId).setParameter("role", roleId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** Ids and realms of activations whose end time has come, oldest first. */
    List<Object[]> due(long now, int max) {
        return em.createQuery("select r.realmId, r.id from ZtAccessRequest r where r.state = 'ACTIVE' "
                        + "and r.expiresAt <= :now order by r.expiresAt", Object[].class)
                .setParameter("now", now).setMaxResults(max).getResultList();
    }

    /** Forgets decided and ended requests older than {@code before} (epoch millis); their records were exported. */
    int forgetClosed(long before) {
        return em.createQuery("delete from ZtAccessRequest r where r.state in ('REFUSED', 'ENDED', 'EXPIRED') "
                + "and r.requestedAt < :before").setParameter("before", before).executeUpdate();
    }

    void deleteUser(String realmId, String userId) {
        em.createQuery("delete from ZtAccessRequest r where r.realmId = :realm and r.userId = :user")
                .setParameter("realm", realmId).setParameter("user", userId).executeUpdate();
    }

    void deleteRealm(String realmId) {
        em.createQuery("delete from ZtAccessRequest r where r.realmId = :realm")
                .setParameter("realm", realmId).executeUpdate();
    }
}
