package io.zerotrust.keycloak.events.anomaly;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's sign-in history as the scorer counts it (id: the user id). */
@Entity(name = "ZtScorerUser")
@Table(name = "ZT_SCORER_USER")
public class ScorerUserEntity {

    @Id
    @Column(name = "ID", length = 255)
    String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    String realmId;

    /** {@link UserHistory#toJson()} */
    @Column(name = "HISTORY", length = 8000, nullable = false)
    String history;

    @Column(name = "SEEN_AT", nullable = false)
    long seenAt;
}
