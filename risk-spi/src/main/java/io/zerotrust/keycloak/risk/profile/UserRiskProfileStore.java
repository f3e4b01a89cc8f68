package io.zerotrust.keycloak.risk.profile;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** Reads and updates profiles in Keycloak's database within the session's transaction. */
public class UserRiskProfileStore {

    private static final Logger LOG = Logger.getLogger(UserRiskProfileStore.class);
    private static final ParsedProfiles PARSED = new ParsedProfiles();

    private final EntityManager em;

    public UserRiskProfileStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** The user's profile; a user with no row, or an unreadable row, is treated as new (cold start). */
    public UserRiskProfile load(String userId) {
        UserRiskProfileEntity entity = em.find(UserRiskProfileEntity.class, userId);
        return entity == null ? UserRiskProfile.empty() : parse(entity);
    }

    /**
     * Learns one successful login. The row is locked for the rest of the transaction, so that logins of the
     * same user on several nodes are learned one after the other rather than overwriting each other.
     */
    public UserRiskProfile learn(String realmId, String userId, LoginObservation login, ProfileLimits limits) {
        UserRiskProfileEntity entity = em.find(UserRiskProfileEntity.class, userId, LockModeType.PESSIMISTIC_WRITE);
        UserRiskProfile before = entity == null ? UserRiskProfile.empty() : parse(entity);
        UserRiskProfile after = ProfileLearning.learn(before, login, limits);
        String json = ProfileJson.write(after);
        if (json.length() > UserRiskProfileEntity.MAX_JSON_LENGTH) {
            // Only possible with limits raised far above the defaults: keep the old profile rather than fail the job.
            LOG.warnf("Risk profile of user %s would exceed %d characters; not updated. Lower the profile limits.",
                    userId, UserRiskProfileEntity.MAX_JSON_LENGTH);
            return before;
        }
        if (entity == null) {
            entity = new UserRiskProfileEntity();
            entity.setUserId(userId);
            entity.setRealmId(realmId);
            entity.setProfileJson(json);
            entity.setUpdatedAt(login.time().toEpochMilli());
            em.persist(entity);
        } else {
            entity.setProfileJson(json);
            entity.setUpdatedAt(login.time().toEpochMilli());
        }
        // Kept before the commit: if it fails, the stored text is not this one and is parsed again
        PARSED.keep(userId, json, after);
        return after;
    }

    public void deleteUser(String userId) {
        PARSED.forget(userId);
        em.createQuery("delete from ZtUserRiskProfile p where p.userId = :userId")
                .setParameter("userId", userId).executeUpdate();
    }

    public void deleteRealm(String realmId) {
        PARSED.clear();
        em.createQuery("delete from ZtUserRiskProfile p where p.realmId = :realmId")
                .setParameter("realmId", realmId).executeUpdate();
    }

    private static UserRiskProfile parse(UserRiskProfileEntity entity) {
        try {
            return PARSED.read(entity.getUserId(), entity.getProfileJson());
        } catch (IllegalArgumentException e) {
            LOG.errorf("Risk profile of user %s is corrupt and is ignored (the user is treated as new): %s",
                    entity.getUserId(), e.getMessage());
            return UserRiskProfile.empty();
        }
    }
}
