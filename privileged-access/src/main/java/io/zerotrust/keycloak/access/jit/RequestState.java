package io.zerotrust.keycloak.access.jit;

/** Where a request stands. PENDING and ACTIVE are open; the others are final. */
public enum RequestState {
    PENDING, ACTIVE, REFUSED, ENDED, EXPIRED
}
