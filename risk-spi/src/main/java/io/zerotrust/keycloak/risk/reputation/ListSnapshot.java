package io.zerotrust.keycloak.risk.reputation;

import java.util.Objects;

/**
 * The content of an address list at one moment.
 *
 * @param source            the file, for messages
 * @param set               the addresses (empty if never loaded)
 * @param unavailableReason why the list could never be loaded, or null when {@code set} is real content
 */
public record ListSnapshot(String source, CidrSet set, String unavailableReason) {

    public ListSnapshot {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(set, "set");
    }

    public static ListSnapshot of(String source, CidrSet set) {
        return new ListSnapshot(source, set, null);
    }

    public static ListSnapshot unavailable(String source, String why) {
        return new ListSnapshot(source, CidrSet.empty(), why);
    }

    public boolean available() {
        return unavailableReason == null;
    }
}
