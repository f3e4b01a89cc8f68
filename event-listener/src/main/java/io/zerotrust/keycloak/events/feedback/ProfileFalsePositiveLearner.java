package io.zerotrust.keycloak.events.feedback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;
import io.zerotrust.keycloak.risk.context.SignInLocation;
import io.zerotrust.keycloak.risk.geo.GeoLocation;
import io.zerotrust.keycloak.risk.profile.LoginObservation;
import io.zerotrust.keycloak.risk.profile.ProfileLimits;
import io.zerotrust.keycloak.risk.profile.UserRiskProfileStore;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Teaches the user's risk profile the place and network of a finding an analyst called a false positive, as a
 * successful login from there would have, so the same sign-in does not look new again.
 */
public final class ProfileFalsePositiveLearner implements FalsePositiveLearner {

    @Override
    public Map<String, String> learn(KeycloakSession session, AnomalyFinding finding) {
        if (finding.userId() == null || finding.ip() == null) {
            // A finding about a source (stuffing, spraying) says nothing about one user's habits
            return Map.of();
        }
        RealmModel realm = session.realms().getRealm(finding.realmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, finding.userId());
        if (user == null) {
            return Map.of();
        }
        GeoLocation location = SignInLocation.of(session, finding.ip()).location();
        new UserRiskProfileStore(session).learn(realm.getId(), user.getId(),
                new LoginObservation(Instant.ofEpochMilli(finding.time()), finding.ip(), location, null, null, null),
                ProfileLimits.DEFAULT);
        Map<String, String> taught = new LinkedHashMap<>();
        taught.put("ip", finding.ip());
        if (location != null) {
            putIfPresent(taught, "country", location.countryCode());
            putIfPresent(taught, "city", location.city());
            putIfPresent(taught, "network", location.asn() == null ? null : "AS" + location.asn());
        }
        return taught;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
