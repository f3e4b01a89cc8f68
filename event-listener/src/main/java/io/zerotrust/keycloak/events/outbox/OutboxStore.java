package io.zerotrust.keycloak.events.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** The outbox tables, through the session's entity manager: its writes commit or roll back with the session. */
public final class OutboxStore {

    private static final String ALL_TAKEN = "e.toScorer = false and e.toWebhook = false and e.toFile = false"
            + " and e.toKafka = false";

    private final EntityManager em;

    public OutboxStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** Adds a record for these consumers; nothing when there are none. */
    public void write(String kind, String realmId, String payload, long stamp, Set<OutboxConsumer> consumers) {
        if (consumers.isEmpty()) {
            return;
        }
        OutboxEntity row = new OutboxEntity();
        row.setId(UUID.randomUUID().toString());
        row.setStamp(stamp);
        row.setRealmId(realmId);
        row.setKind(kind);
        row.setPayload(payload);
        for (OutboxConsumer consumer : consumers) {
            consumer.mark(row, true);
        }
        em.persist(row);
    }

    /**
     * The oldest records still waiting for this consumer, stamped {@code from} or later ({@link ReadFloor#OLDEST}
     * for all), but those named (a batch being delivered now).
     */
    public List<OutboxRecord> pending(OutboxConsumer consumer, int limit, Set<String> except, long from) {
        // Values, not entities: nothing for the persistence context to track. Ordered by the consumer's index
        // (flag, stamp) exactly, so that the database reads the batch off the index; ordering by anything else made
        // H2 read and sort every waiting row for each batch. Equal stamps (two nodes in one microsecond) come in no
        // particular order. The rows named are left out here rather than by a "not in" list, which H2 checks
        // value by value for every row it reads: they are among the oldest, so reading as many more finds the rest.
        TypedQuery<OutboxRecord> query = em.createQuery("select new " + OutboxRecord.class.getName() + "(e.id, e.stamp, e.realmId, e.kind, e.payload)"
                        + " from ZtOutboxEntry e where e." + consumer.flag() + " = true"
                        + (from == ReadFloor.OLDEST ? "" : " and e.stamp >= :from")
                        + " order by e." + consumer.flag() + ", e.stamp", OutboxRecord.class)
                .setMaxResults(limit + except.size());
        if (from != ReadFloor.OLDEST) {
            query.setParameter("from", from);
        }
        List<OutboxRecord> rows = query.getResultList();
        if (except.isEmpty()) {
            return rows;
        }
        List<OutboxRecord> batch = new ArrayList<>(Math.min(limit, rows.size()));
        for (OutboxRecord row : rows) {
            if (batch.size() < limit && !except.contains(row.id())) {
                batch.add(row);
            }
        }
        return batch;
    }

    public long backlog(OutboxConsumer consumer) {
        return em.createQuery("select count(e) from ZtOutboxEntry e where e." + consumer.flag() + " = true", Long.class)
                .getSingleResult();
    }

    /** This consumer has taken these records; rows no consumer waits for any more are deleted. */
    public void taken(OutboxConsumer consumer, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        // Rows only this consumer still waited for go at once: an update would rewrite each row, payload and all
        int deleted = em.createQuery("delete from ZtOutboxEntry e where e.id in :ids and " + othersTaken(consumer))
                .setParameter("ids", ids).executeUpdate();
        if (deleted == ids.size()) {
            return; // the common case with one sink: nothing left to mark
        }
        int kept = em.createQuery("update ZtOutboxEntry e set e." + consumer.flag() + " = false where e.id in :ids")
                .setParameter("ids", ids).executeUpdate();
        if (kept > 0) {
            // another consumer may have taken the same rows meanwhile: whoever clears the last flag deletes
            em.createQuery("delete from ZtOutboxEntry e where e.id in :ids and " + ALL_TAKEN)
                    .setParameter("ids", ids).executeUpdate();
        }
    }

    private static String othersTaken(OutboxConsumer consumer) {
        StringBuilder condition = new StringBuilder();
        for (OutboxConsumer other : OutboxConsumer.values()) {
            if (other != consumer) {
                condition.append(condition.length() == 0 ? "" : " and ").append("e.").append(other.flag()).append(" = false");
            }
        }
        return condition.toString();
    }

    /** Sets a record aside for this consumer, with why, and counts it as taken. */
    public void deadLetter(OutboxConsumer consumer, OutboxRecord record, String reason, long now) {
        DeadLetterEntity letter = new DeadLetterEntity();
        letter.setId(UUID.randomUUID().toString());
        letter.setRealmId(record.realmId());
        letter.setConsumer(consumer.id());
        letter.setReason(reason.length() > 1000 ? reason.substring(0, 1000) : reason);
        letter.setPayload(record.payload() == null ? "" : record.payload());
        letter.setCreatedAt(now);
        em.persist(letter);
    }

    public long deadLetters(String realmId) {
        return em.createQuery("select count(d) from ZtDeadLetter d where d.realmId = :realm", Long.class)
                .setParameter("realm", realmId).getSingleResult();
    }

    public List<DeadLetterEntity> deadLetters(String realmId, int limit) {
        return em.createQuery("select d from ZtDeadLetter d where d.realmId = :realm order by d.createdAt desc",
                        DeadLetterEntity.class)
                .setParameter("realm", realmId).setMaxResults(limit).getResultList();
    }

    /** Deletes records written before the stamp, whatever waits for them; returns how many. */
    public int expire(long beforeStamp) {
        // A row waits for at least one consumer (the last to take it deletes it): each consumer's index finds them
        int expired = 0;
        for (OutboxConsumer consumer : OutboxConsumer.values()) {
            expired += em.createQuery("delete from ZtOutboxEntry e where e." + consumer.flag() + " = true and e.stamp"
                    + " < :before").setParameter("before", beforeStamp).executeUpdate();
        }
        return expired;
    }

    /**
     * Takes or renews the consumer's lease for {@code owner} until {@code until}, if it is free, expired or already
     * the owner's: one conditional update, atomic on every database.
     */
    public boolean lease(OutboxConsumer consumer, String owner, long now, long until) {
        return em.createQuery("update ZtOutboxLease l set l.owner = :owner, l.expiresAt = :until"
                        + " where l.consumer = :consumer and (l.owner = :owner or l.owner is null or l.expiresAt < :now)")
                .setParameter("owner", owner).setParameter("until", until).setParameter("consumer", consumer.id())
                .setParameter("now", now).executeUpdate() == 1;
    }

    /** Gives the lease up at shutdown, so that another node takes over at once. */
    public void release(OutboxConsumer consumer, String owner) {
        em.createQuery("update ZtOutboxLease l set l.expiresAt = 0 where l.consumer = :consumer and l.owner = :owner")
                .setParameter("consumer", consumer.id()).setParameter("owner", owner).executeUpdate();
    }

    /** @return the node holding the consumer's lease now, or null */
    public String leaseholder(OutboxConsumer consumer, long now) {
        OutboxLeaseEntity lease = em.find(OutboxLeaseEntity.class, consumer.id());
        return lease == null || lease.getExpiresAt() < now ? null : lease.getOwner();
    }
}
