package io.zerotrust.keycloak.events.anomaly;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Token theft: a refresh or token exchange in a session from another country (HIGH) or network (MEDIUM) than
 * the session's sign-in. A session first seen at a refresh (its sign-in happened on another node, or before a
 * restart) adopts that origin. A change is reported once per new network, not at every refresh. Per node; at
 * most {@code maxSessions} sessions (least recently used forgotten). Not thread-safe.
 *
 * <p>A phone moving from Wi-Fi to mobile data also changes network: hence MEDIUM (step-up), not HIGH.
 */
final class SessionOriginTracker {

    static final int COUNTRY_CHANGED_SCORE = 85;
    static final int NETWORK_CHANGED_SCORE = 55;

    private final BoundedLru<String, Origin> sessions;

    SessionOriginTracker(int maxSessions) {
        this.sessions = new BoundedLru<>(maxSessions);
    }

    private static final class Origin {
        final String network;
        final String country;
        String lastFlaggedNetwork;
        String lastFlaggedCountry;

        Origin(String network, String country) {
            this.network = network;
            this.country = country;
        }
    }

    void login(AuthObservation login) {
        if (login.sessionId() != null) {
            sessions.put(login.sessionId(), new Origin(login.network(), login.country()));
        }
    }

    void logout(AuthObservation logout) {
        if (logout.sessionId() != null) {
            sessions.remove(logout.sessionId());
        }
    }

    void use(AuthObservation use, Findings findings, Consumer<AnomalyFinding> out) {
        if (use.sessionId() == null) {
            return;
        }
        Origin origin = sessions.get(use.sessionId());
        if (origin == null) {
            sessions.put(use.sessionId(), new Origin(use.network(), use.country()));
            return;
        }
        boolean countryChanged = origin.country != null && use.country() != null
                && !origin.country.equals(use.country());
        boolean networkChanged = origin.network != null && use.network() != null
                && !origin.network.equals(use.network());
        if (!countryChanged && !networkChanged) {
            return;
        }
        if (Objects.equals(origin.lastFlaggedNetwork, use.network())
                && Objects.equals(origin.lastFlaggedCountry, use.country())) {
            return;
        }
        origin.lastFlaggedNetwork = use.network();
        origin.lastFlaggedCountry = use.country();
        FindingReason reason = countryChanged
                ? new FindingReason("SESSION_COUNTRY_CHANGED", "session signed in from country " + origin.country
                        + " but its tokens were used from country " + use.country())
                : new FindingReason("SESSION_NETWORK_CHANGED", "session signed in from network " + origin.network
                        + " but its tokens were used from network " + use.network());
        out.accept(findings.create(use, FindingKind.TOKEN_THEFT,
                countryChanged ? COUNTRY_CHANGED_SCORE : NETWORK_CHANGED_SCORE, false, List.of(reason)));
    }

    int sessions() {
        return sessions.size();
    }
}
