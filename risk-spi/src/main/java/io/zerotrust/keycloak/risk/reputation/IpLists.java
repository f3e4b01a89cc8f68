package io.zerotrust.keycloak.risk.reputation;

/**
 * The address lists as they stand for one sign-in; a list that is not configured is null.
 *
 * @param allow    addresses vouched for by the admin
 * @param deny     addresses the admin blocks
 * @param torExits Tor exit nodes
 */
public record IpLists(ListSnapshot allow, ListSnapshot deny, ListSnapshot torExits) {

    public static IpLists none() {
        return new IpLists(null, null, null);
    }
}
