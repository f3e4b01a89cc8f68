package io.zerotrust.keycloak.events.anomaly;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** When a source or user was last reported, and on how many accounts (id: realm/subject; seen: the report's time). */
@Entity(name = "ZtScorerReport")
@Table(name = "ZT_SCORER_REPORT")
public class ScorerReportEntity {

    @Id
    @Column(name = "ID", length = 255)
    String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    String realmId;

    @Column(name = "ACCOUNTS", nullable = false)
    int accounts;

    @Column(name = "SEEN_AT", nullable = false)
    long seenAt;
}
