package io.zerotrust.keycloak.events.feedback;

import java.time.Instant;

import io.zerotrust.keycloak.events.anomaly.AnomalyFinding;
import io.zerotrust.keycloak.risk.context.RiskContextGatherer;
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
    public void learn(KeycloakSession session, AnomalyFinding finding) {
        if (finding.userId() == null) {
            // A finding about a source (stuffing, spraying) says nothing about one user's habits
            return;
        }
        RealmModel realm = session.realms().getRealm(finding.realmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, finding.userId());
        if (user == null) {
            return;
        }
        GeoLocation location = finding.ip() == null ? null : RiskContextGatherer.locate(session, finding.ip()).location();
        new UserRiskProfileStore(session).learn(realm.getId(), user.getId(),
                new LoginObservation(Instant.ofEpochMilli(finding.time()), finding.ip(), location, null, null, null),
                ProfileLimits.DEFAULT);
    }
}
