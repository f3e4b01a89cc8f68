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
    EXPIRED
}
