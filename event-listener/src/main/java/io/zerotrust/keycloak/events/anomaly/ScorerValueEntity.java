package io.zerotrust.keycloak.events.anomaly;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How many of a realm's verified sign-ins had one value of one feature (id: realm/feature/value). */
@Entity(name = "ZtScorerValue")
@Table(name = "ZT_SCORER_VALUE")
public class ScorerValueEntity {

    @Id
    @Column(name = "ID", length = 255)
    String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    String realmId;

    @Column(name = "FEATURE", nullable = false)
    int feature;

    @Column(name = "TIMES", nullable = false)
    long times;

    @Column(name = "SEEN_AT", nullable = false)
    long seenAt;
}
