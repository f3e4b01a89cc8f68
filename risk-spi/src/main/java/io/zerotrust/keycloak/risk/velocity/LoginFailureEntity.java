package io.zerotrust.keycloak.risk.velocity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One failed login, kept for the velocity window so that every node of a cluster counts the same failures. */
@Entity(name = "ZtLoginFailure")
@Table(name = "ZT_LOGIN_FAILURE")
public class LoginFailureEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    /** The user id, or "name:" + the attempted username when no such user exists. */
    @Column(name = "USER_KEY", length = 255, nullable = false)
    private String userKey;

    @Column(name = "IP", length = 64)
    private String ip;

    /** Autonomous system number of the address, when GeoIP knows it. */
    @Column(name = "NETWORK", length = 32)
    private String network;

    @Column(name = "FAILED_AT", nullable = false)
    private long failedAt;

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

    public String getUserKey() {
        return userKey;
    }

    public void setUserKey(String userKey) {
        this.userKey = userKey;
    }

    public String getIp() {
        return ip;
    }

    public void setIp(String ip) {
        this.ip = ip;
    }

    public String getNetwork() {
        return network;
    }

    public void setNetwork(String network) {
        this.network = network;
    }

    public long getFailedAt() {
        return failedAt;
    }

    public void setFailedAt(long failedAt) {
        this.failedAt = failedAt;
    }
}
