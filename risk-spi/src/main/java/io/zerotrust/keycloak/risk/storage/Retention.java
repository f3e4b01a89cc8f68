package io.zerotrust.keycloak.risk.storage;

import java.util.List;

import jakarta.persistence.EntityManager;

/**
 * Keeps a table bounded per realm: all but a realm's newest rows go, so that one realm's burst cannot push out
 * another's. One way for every table of the pipeline.
 */
public final class Retention {

    private Retention() {
    }

    /**
     * Deletes all but the newest {@code keep} rows of the entity in the realm (and, if {@code feature} is not null,
     * with that {@code feature}), newest by the {@code time} field; returns how many.
     */
    public static int keepNewest(EntityManager em, String entity, String time, String realmId, Integer feature, int keep) {
        String where = " where e.realmId = :realm" + (feature == null ? "" : " and e.feature = :feature");
        var count = em.createQuery("select count(e) from " + entity + " e" + where, Long.class).setParameter("realm", realmId);
        if (feature != null) {
            count.setParameter("feature", feature);
        }
        if (count.getSingleResult() <= keep) {
            return 0;
        }
        var cutQuery = em.createQuery("select e." + time + " from " + entity + " e" + where + " order by e." + time
                + " desc", Long.class).setParameter("realm", realmId).setFirstResult(keep).setMaxResults(1);
        if (feature != null) {
            cutQuery.setParameter("feature", feature);
        }
        List<Long> cut = cutQuery.getResultList();
        if (cut.isEmpty()) {
            return 0;
        }
        var delete = em.createQuery("delete from " + entity + " e" + where + " and e." + time + " <= :cut")
                .setParameter("realm", realmId).setParameter("cut", cut.get(0));
        if (feature != null) {
            delete.setParameter("feature", feature);
        }
        return delete.executeUpdate();
    }

    /** The realms that have rows of the entity. */
    public static List<String> realms(EntityManager em, String entity) {
        return em.createQuery("select distinct e.realmId from " + entity + " e", String.class).getResultList();
    }
}
