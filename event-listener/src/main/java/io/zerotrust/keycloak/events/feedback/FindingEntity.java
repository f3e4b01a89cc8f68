package io.zerotrust.keycloak.events.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A finding of the anomaly scorer, readable and judged on every node of a cluster. */
@Entity(name = "ZtFinding")
@Table(name = "ZT_FINDING")
public class FindingEntity {

    /** Longest finding JSON the column holds. */
    public static final int MAX_FINDING = 32000;

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    /** The finding itself, as JSON. */
    @Column(name = "FINDING", length = MAX_FINDING, nullable = false)
    private String finding;

    @Column(name = "VERDICT", length = 32)
    private String verdict;

    @Column(name = "NOTE", length = 2000)
    private String note;

    @Column(name = "ANALYST", length = 255)
    private String analyst;

    @Column(name = "JUDGED_AT", nullable = false)
    private long judgedAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public String getFinding() {
        return finding;
    }

    public void setFinding(String finding) {
        this.finding = finding;
    }

    public String getVerdict() {
        return verdict;
    }

    public void setVerdict(String verdict) {
        this.verdict = verdict;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getAnalyst() {
        return analyst;
    }

    public void setAnalyst(String analyst) {
        this.analyst = analyst;
    }

    public long getJudgedAt() {
        return judgedAt;
    }

    public void setJudgedAt(long judgedAt) {
        this.judgedAt = judgedAt;
    }
}
