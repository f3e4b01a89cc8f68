package io.zerotrust.keycloak.risk.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One user's learned profile, as JSON, in Keycloak's database. */
@Entity(name = "ZtUserRiskProfile")
@Table(name = "ZT_USER_RISK_PROFILE")
public class UserRiskProfileEntity {

    /** Kept well below what every supported database allows in a VARCHAR. */
    public static final int MAX_JSON_LENGTH = 32000;

    @Id
    /** Up to 255: federated ids ({@code f:<provider>:<external id>}) are longer than a UUID. */
    @Column(name = "USER_ID", length = 255)
    private String userId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "PROFILE_JSON", length = MAX_JSON_LENGTH, nullable = false)
    private String profileJson;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getProfileJson() {
        return profileJson;
    }

    public void setProfileJson(String profileJson) {
        this.profileJson = profileJson;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(long updatedAt) {
        this.updatedAt = updatedAt;
    }
}
