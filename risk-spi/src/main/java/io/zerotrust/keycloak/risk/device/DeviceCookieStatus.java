package io.zerotrust.keycloak.risk.device;

/** What the request's device cookie proved, after its signature was checked. */
public enum DeviceCookieStatus {
    /** No device cookie was sent. */
    ABSENT,
    /** Signed by this realm for this user. */
    VALID,
    /** Malformed, or its signature does not verify. */
    FORGED,
    /** Validly signed, but for another user. */
    OTHER_USER,
    /** Validly signed for this user, but past its expiry. */
    EXPIRED,
    /**
     * Names a key the realm no longer has (rotated out, deleted or disabled), or is a version 1 cookie none of its
     * keys verifies: it proves no device, like no cookie, but is no evidence of forgery.
     */
    KEY_UNKNOWN
}
