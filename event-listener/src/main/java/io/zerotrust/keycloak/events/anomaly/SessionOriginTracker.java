package io.zerotrust.keycloak.events.anomaly;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Token theft: a refresh or token exchange in a session from another country (HIGH) or network (MEDIUM) than
 * the session's sign-in. A session first seen at a refresh (its sign-in was before the scorer's memory of it)
 * adopts that origin. A change is reported once per new network, not at every refresh. The origins are the
 * {@link ScorerMemory}'s: in Keycloak's database on a server, whichever node the session's requests reach.
 *
 * <p>A phone moving from Wi-Fi to mobile data also changes network: hence MEDIUM (step-up), not HIGH.
 */
final class SessionOriginTracker {

    static final int COUNTRY_CHANGED_SCORE = 85;
    static final int NETWORK_CHANGED_SCORE = 55;

    private final ScorerMemory memory;

    SessionOriginTracker(ScorerMemory memory) {
        this.memory = memory;
    }

    void login(AuthObservation login) {
        if (login.sessionId() != null) {
            memory.saveOrigin(login.realmId(), login.sessionId(), new SessionOrigin(login.network(), login.country(),
                    null, null), login.time());
        }
    }

    void logout(AuthObservation logout) {
        if (logout.sessionId() != null) {
            memory.forgetOrigin(logout.sessionId());
        }
    }

    void use(AuthObservation use, Findings findings, Consumer<AnomalyFinding> out) {
        if (use.sessionId() == null) {
            return;
        }
        SessionOrigin origin = memory.origin(use.sessionId());
        if (origin == null) {
            memory.saveOrigin(use.realmId(), use.sessionId(), new SessionOrigin(use.network(), use.country(), null, null),
                    use.time());
            return;
        }
        boolean countryChanged = origin.country != null && use.country() != null
                && !origin.country.equals(use.country());
        boolean networkChanged = origin.network != null && use.network() != null
                && !origin.network.equals(use.network());
        if (!countryChanged && !networkChanged) {
            return;
        }
        if (Objects.equals(origin.flaggedNetwork, use.network())
                && Objects.equals(origin.flaggedCountry, use.country())) {
            return;
        }
        origin.flaggedNetwork = use.network();
        origin.flaggedCountry = use.country();
        memory.saveOrigin(use.realmId(), use.sessionId(), origin, use.time());
        FindingReason reason = countryChanged
                ? new FindingReason("SESSION_COUNTRY_CHANGED", "session signed in from country " + origin.country
                        + " but its tokens were used from country " + use.country())
                : new FindingReason("SESSION_NETWORK_CHANGED", "session signed in from network " + origin.network
                        + " but its tokens were used from network " + use.network());
        out.accept(findings.create(use, FindingKind.TOKEN_THEFT,
                countryChanged ? COUNTRY_CHANGED_SCORE : NETWORK_CHANGED_SCORE, false, List.of(reason)));
    }
}
