package io.zerotrust.keycloak.events.feedback;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;
import io.zerotrust.keycloak.risk.storage.Retention;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Findings in Keycloak's database ({@code ZT_FINDING}), through the session's entity manager: a finding raised on
 * one node is listed and judged on any. Bounded in number per realm ({@link #add} trims the realm: its oldest leave
 * first, so that one realm's attack cannot evict another's findings) and in age ({@link #expire}, every
 * {@code expiry-interval-seconds}, hourly by default).
 */
public final class StoredFindings implements FindingStore {

    /** Findings kept per realm. */
    public static final int PER_REALM = 1000;
    /** How long a finding is kept. */
    public static final Duration MAX_AGE = Duration.ofDays(30);

    private static final Logger LOG = Logger.getLogger(StoredFindings.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final EntityManager em;

    public StoredFindings(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** Adds the finding and trims its realm to {@link #PER_REALM}. */
    @Override
    public void add(AnomalyFinding finding) {
        FindingEntity row = new FindingEntity();
        row.setId(finding.id());
        row.setRealmId(finding.realmId());
        row.setCreatedAt(finding.time());
        row.setFinding(write(finding));
        em.persist(row);
        trim(finding.realmId(), PER_REALM);
    }

    @Override
    public Entry get(String realmId, String id) {
        FindingEntity row = find(realmId, id);
        return row == null ? null : entry(row);
    }

    @Override
    public Entry judge(String realmId, String id, Verdict verdict, String note, String analyst, long now) {
        FindingEntity row = find(realmId, id);
        if (row == null) {
            return null;
        }
        row.setVerdict(verdict.json());
        row.setNote(note);
        row.setAnalyst(analyst);
        row.setJudgedAt(now);
        return entry(row);
    }

    @Override
    public List<Entry> list(String realmId, int limit) {
        List<Entry> entries = new ArrayList<>();
        for (FindingEntity row : em.createQuery("select f from ZtFinding f where f.realmId = :realm"
                        + " order by f.createdAt desc, f.id", FindingEntity.class)
                .setParameter("realm", realmId).setMaxResults(limit).getResultList()) {
            Entry entry = entry(row);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** Deletes findings older than {@code before}, of every realm; returns how many. */
    public int expire(long before) {
        return em.createQuery("delete from ZtFinding f where f.createdAt < :before")
                .setParameter("before", before).executeUpdate();
    }

    /** Deletes all but the realm's newest {@code perRealm} findings; returns how many. */
    public int trim(String realmId, int perRealm) {
        return Retention.keepNewest(em, "ZtFinding", "createdAt", realmId, null, perRealm);
    }

    private FindingEntity find(String realmId, String id) {
        FindingEntity row = id == null ? null : em.find(FindingEntity.class, id);
        return row == null || !row.getRealmId().equals(realmId) ? null : row;
    }

    static Entry entry(FindingEntity row) {
        try {
            AnomalyFinding finding = JSON.readValue(row.getFinding(), AnomalyFinding.class);
            return new Entry(finding, Verdict.of(row.getVerdict()), row.getNote(), row.getAnalyst(), row.getJudgedAt());
        } catch (JsonProcessingException | RuntimeException e) {
            // a damaged row hides itself, not the realm's other findings
            LOG.warnf("Finding %s cannot be read and is left out: %s", row.getId(), e.getMessage());
            return null;
        }
    }

    /**
     * The finding as JSON that fits its column. The accounts of a finding about a source are the names a sprayer
     * tried, of the sprayer's choosing: they are halved until it fits, so that no one can make a finding too long to
     * keep (which would fail the scorer's transaction on every retry and stop all scoring).
     */
    static String write(AnomalyFinding finding) {
        AnomalyFinding kept = finding;
        String json = json(kept);
        while (json.length() > FindingEntity.MAX_FINDING && !kept.accounts().isEmpty()) {
            List<String> accounts = kept.accounts();
            kept = new AnomalyFinding(kept.id(), kept.time(), kept.realmId(), kept.userId(), kept.sessionId(), kept.ip(),
                    kept.network(), kept.kind(), kept.score(), kept.level(), kept.reasons(),
                    accounts.subList(0, accounts.size() / 2));
            json = json(kept);
        }
        return json;
    }

    private static String json(AnomalyFinding finding) {
        try {
            return JSON.writeValueAsString(finding);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
