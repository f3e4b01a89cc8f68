package io.zerotrust.keycloak.events.anomaly;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where a session signed in, and what was last reported of it (id: the user session id). */
@Entity(name = "ZtSessionOrigin")
@Table(name = "ZT_SESSION_ORIGIN")
public class SessionOriginEntity {

    @Id
    @Column(name = "ID", length = 255)
    String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    String realmId;

    @Column(name = "NETWORK", length = 32)
    String network;

    @Column(name = "COUNTRY", length = 8)
    String country;

    @Column(name = "FLAGGED_NETWORK", length = 32)
    String flaggedNetwork;

    @Column(name = "FLAGGED_COUNTRY", length = 8)
    String flaggedCountry;

    @Column(name = "SEEN_AT", nullable = false)
    long seenAt;
}
