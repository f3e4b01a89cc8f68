package io.zerotrust.keycloak.events.anomaly;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A realm's verified sign-ins counted for one feature, and its distinct values (id: realm/feature). */
@Entity(name = "ZtScorerTotal")
@Table(name = "ZT_SCORER_TOTAL")
public class ScorerTotalEntity {

    @Id
    @Column(name = "ID", length = 255)
    String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    String realmId;

    @Column(name = "SIGN_INS", nullable = false)
    long signIns;

    @Column(name = "DISTINCT_VALUES", nullable = false)
    long distinctValues;

    @Column(name = "SEEN_AT", nullable = false)
    long seenAt;
}
