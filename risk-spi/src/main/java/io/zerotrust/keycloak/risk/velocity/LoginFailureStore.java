package io.zerotrust.keycloak.risk.velocity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** Failed logins in Keycloak's database, shared by every node; rows older than the window are purged. */
public class LoginFailureStore {

    /** The most rows one count reads: beyond this the attack is obvious and counting further adds nothing. */
    static final int MAX_ROWS = 2000;

    private final EntityManager em;

    public LoginFailureStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public void record(String realmId, String userKey, String ip, String network, Instant at) {
        LoginFailureEntity entity = new LoginFailureEntity();
        entity.setId(UUID.randomUUID().toString());
        entity.setRealmId(realmId);
        entity.setUserKey(userKey);
        entity.setIp(ip);
        entity.setNetwork(network);
        entity.setFailedAt(at.toEpochMilli());
        em.persist(entity);
    }

    /**
     * Failures within {@code window} before {@code now} from this address or from this network (the user's own
     * failures count only from there, see {@link FailureWindow#count}); none when both are unknown.
     *
     * @param userKey unused: kept so that callers need not change; failures of the user elsewhere are not read
     */
    public List<FailureRecord> recent(String realmId, String userKey, String ip, String network, Instant now, Duration window) {
        if (ip == null && network == null) {
            return List.of();
        }
        long since = now.minus(window).toEpochMilli();
        String query = "select f from ZtLoginFailure f where f.realmId = :realmId and f.failedAt >= :since and ("
                + (ip != null ? "f.ip = :ip" : "") + (ip != null && network != null ? " or " : "")
                + (network != null ? "f.network = :network" : "") + ") order by f.failedAt desc";
        var typed = em.createQuery(query, LoginFailureEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("since", since)
                .setMaxResults(MAX_ROWS);
        if (ip != null) {
            typed.setParameter("ip", ip);
        }
        if (network != null) {
            typed.setParameter("network", network);
        }
        return typed.getResultList().stream()
                .map(f -> new FailureRecord(Instant.ofEpochMilli(f.getFailedAt()), f.getUserKey(), f.getIp(), f.getNetwork()))
                .toList();
    }

    /** Deletes failures older than {@code keep} in every realm. */
    public int purgeOlderThan(Instant now, Duration keep) {
        return em.createQuery("delete from ZtLoginFailure f where f.failedAt < :before")
                .setParameter("before", now.minus(keep).toEpochMilli())
                .executeUpdate();
    }
}
