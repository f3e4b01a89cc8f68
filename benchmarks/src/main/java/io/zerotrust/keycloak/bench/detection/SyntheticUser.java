package io.zerotrust.keycloak.bench.detection;

import java.util.List;

/**
 * A generated user: what attackers may know of them and their legitimate sign-ins in time order.
 *
 * @param id          user id
 * @param home        home city
 * @param homeNetwork home ISP
 * @param primary     the device used most (the first one the user had)
 * @param habit       when the user signs in
 * @param logins      legitimate sign-ins, oldest first, all verified
 */
public record SyntheticUser(String id, City home, Network homeNetwork, Device primary, Habit habit,
                            List<LoginRecord> logins) {

    public SyntheticUser {
        logins = List.copyOf(logins);
    }
}
