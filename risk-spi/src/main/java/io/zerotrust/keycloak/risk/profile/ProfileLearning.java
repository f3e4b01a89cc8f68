package io.zerotrust.keycloak.risk.profile;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.zerotrust.keycloak.risk.geo.GeoLocation;
import io.zerotrust.keycloak.risk.net.AddressBlock;
import io.zerotrust.keycloak.risk.time.HourOfWeek;

/** Folds a successful login into a profile, forgetting what is too old and keeping each set within its bound. */
public final class ProfileLearning {

    private ProfileLearning() {
    }

    public static UserRiskProfile learn(UserRiskProfile profile, LoginObservation login, ProfileLimits limits) {
        Instant now = login.time();
        Instant forgetBefore = now.minus(limits.retention());
        GeoLocation location = login.location();

        Map<String, Instant> countries = recent(profile.countries(), forgetBefore);
        Map<String, Instant> cities = recent(profile.cities(), forgetBefore);
        Map<String, Instant> networks = recent(profile.networks(), forgetBefore);
        Map<String, Instant> devices = recent(profile.devices(), forgetBefore);
        if (location != null && location.countryCode() != null) {
            countries.put(location.countryCode(), now);
            if (location.city() != null) {
                cities.put(cityKey(location.countryCode(), location.city()), now);
            }
        }
        if (location != null && location.asn() != null) {
            networks.put(Long.toString(location.asn()), now);
        }
        if (login.deviceId() != null) {
            devices.put(login.deviceId(), now);
        }

        int[] hours = profile.hourOfWeek();
        hours[HourOfWeek.index(now)]++;

        UserRiskProfile.LastLogin last = new UserRiskProfile.LastLogin(now, login.ip(),
                location == null ? null : location.countryCode(), location == null ? null : location.city(),
                location == null ? null : location.latitude(), location == null ? null : location.longitude(),
                location == null ? null : location.accuracyRadiusKm(), login.browserFamily(), login.osFamily());

        return new UserRiskProfile(newest(countries, limits.maxCountries()), newest(cities, limits.maxCities()),
                newest(networks, limits.maxNetworks()), newest(devices, limits.maxDevices()), last, hours,
                profile.logins() + 1, addressBlocks(profile.addressBlocks(), login, forgetBefore));
    }

    /** The address blocks with the login's counted in its network; the most recently seen networks kept. */
    private static Map<String, NetworkBlocks> addressBlocks(Map<String, NetworkBlocks> known, LoginObservation login,
                                                            Instant forgetBefore) {
        Map<String, NetworkBlocks> kept = new HashMap<>();
        known.forEach((asn, blocks) -> {
            if (!blocks.lastSeen().isBefore(forgetBefore)) {
                kept.put(asn, blocks);
            }
        });
        Long asn = login.location() == null ? null : login.location().asn();
        String block = AddressBlock.of(login.ip());
        if (asn != null && block != null) {
            NetworkBlocks before = kept.get(Long.toString(asn));
            kept.put(Long.toString(asn), before == null ? NetworkBlocks.first(block, login.time())
                    : before.learn(block, login.time()));
        }
        if (kept.size() <= NetworkBlocks.MAX_NETWORKS) {
            return kept;
        }
        return kept.entrySet().stream()
                .sorted(Map.Entry.<String, NetworkBlocks>comparingByValue(Comparator.comparing(NetworkBlocks::lastSeen).reversed())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(NetworkBlocks.MAX_NETWORKS)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Key of a city in {@link UserRiskProfile#cities()}: country code and city, so that Paris, US is not Paris, FR. */
    public static String cityKey(String countryCode, String city) {
        return countryCode + "/" + city;
    }

    private static Map<String, Instant> recent(Map<String, Instant> seen, Instant forgetBefore) {
        Map<String, Instant> kept = new HashMap<>();
        seen.forEach((key, time) -> {
            if (!time.isBefore(forgetBefore)) {
                kept.put(key, time);
            }
        });
        return kept;
    }

    private static Map<String, Instant> newest(Map<String, Instant> seen, int max) {
        if (seen.size() <= max) {
            return seen;
        }
        return seen.entrySet().stream()
                .sorted(Map.Entry.<String, Instant>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(max)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
