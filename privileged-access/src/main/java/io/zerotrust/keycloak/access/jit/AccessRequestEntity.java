package io.zerotrust.keycloak.access.jit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A request to activate an eligible role, and the activation it became: one row from request to its end. */
@Entity(name = "ZtAccessRequest")
@Table(name = "ZT_ACCESS_REQUEST")
public class AccessRequestEntity {

    @Id
    @Column(name = "ID", length = 36)
    String id;
    @Column(name = "REALM_ID", length = 36, nullable = false)
    String realmId;
    @Column(name = "USER_ID", length = 36, nullable = false)
    String userId;
    @Column(name = "ELIGIBILITY_ID", length = 36, nullable = false)
    String eligibilityId;
    @Column(name = "ROLE_ID", length = 36, nullable = false)
    String roleId;
    /** The role's reference when requested, kept for the record after the role is renamed or deleted. */
    @Column(name = "ROLE_NAME", length = 512, nullable = false)
    String roleName;
    @Column(name = "STATE", length = 16, nullable = false)
    String state;
    @Column(name = "JUSTIFICATION", length = 2000)
    String justification;
    @Column(name = "MINUTES", nullable = false)
    int minutes;
    @Column(name = "REQUESTED_AT", nullable = false)
    long requestedAt;
    @Column(name = "DECIDER_ID", length = 36)
    String deciderId;
    @Column(name = "DECIDED_AT")
    Long decidedAt;
    @Column(name = "REASON", length = 2000)
    String reason;
    @Column(name = "ACTIVATED_AT")
    Long activatedAt;
    @Column(name = "EXPIRES_AT")
    Long expiresAt;
    @Column(name = "ENDED_AT")
    Long endedAt;
    @Column(name = "ENDED_BY", length = 36)
    String endedBy;
    /** Whether the activation added the role mapping (and so its end removes it). */
    @Column(name = "GRANTED", nullable = false)
    boolean granted;
}
