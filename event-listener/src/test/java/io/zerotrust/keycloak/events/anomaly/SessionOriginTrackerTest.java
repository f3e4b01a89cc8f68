package io.zerotrust.keycloak.events.anomaly;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionOriginTrackerTest {

    private final AnomalyScorer scorer = new AnomalyScorer(ScorerSettings.DEFAULT, Obs.memory(), () -> "f");

    @Test
    void refreshFromTheSignInNetworkIsFine() {
        scorer.observe(Obs.session(ObservedKind.LOGIN, 1, "s1", "AS1", "DE"));
        assertThat(scorer.observe(Obs.session(ObservedKind.SESSION_USE, 2, "s1", "AS1", "DE"))).isEmpty();
    }

    @Test
    void refreshFromAnotherCountryIsHighTokenTheftReportedOnce() {
        scorer.observe(Obs.session(ObservedKind.LOGIN, 1, "s1", "AS1", "DE"));
        List<AnomalyFinding> findings = scorer.observe(Obs.session(ObservedKind.SESSION_USE, 2, "s1", "AS2", "BR"));

        assertThat(findings).hasSize(1);
        AnomalyFinding finding = findings.get(0);
        assertThat(finding.kind()).isEqualTo(FindingKind.TOKEN_THEFT);
        assertThat(finding.level()).isEqualTo(FindingLevel.HIGH);
        assertThat(finding.sessionId()).isEqualTo("s1");
        assertThat(finding.userId()).isEqualTo("u-1");
        assertThat(finding.reasons().get(0).code()).isEqualTo("SESSION_COUNTRY_CHANGED");
        assertThat(scorer.observe(Obs.session(ObservedKind.SESSION_USE, 3, "s1", "AS2", "BR"))).isEmpty();
    }

    @Test
    void refreshFromAnotherNetworkInTheSameCountryIsMedium() {
        scorer.observe(Obs.session(ObservedKind.LOGIN, 1, "s1", "AS1", "DE"));
        List<AnomalyFinding> findings = scorer.observe(Obs.session(ObservedKind.SESSION_USE, 2, "s1", "AS3", "DE"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo(FindingLevel.MEDIUM);
            assertThat(f.reasons().get(0).code()).isEqualTo("SESSION_NETWORK_CHANGED");
        });
    }

    @Test
    void unknownSessionAdoptsItsFirstOriginAndLogoutForgets() {
        assertThat(scorer.observe(Obs.session(ObservedKind.SESSION_USE, 1, "s9", "AS1", "DE"))).isEmpty();
        assertThat(scorer.observe(Obs.session(ObservedKind.SESSION_USE, 2, "s9", "AS2", "DE"))).hasSize(1);
        scorer.observe(Obs.session(ObservedKind.LOGOUT, 3, "s9", null, null));
        assertThat(scorer.observe(Obs.session(ObservedKind.SESSION_USE, 4, "s9", "AS5", "FR"))).isEmpty();
    }

    @Test
    void unknownNetworkOrCountryIsNoEvidence() {
        scorer.observe(Obs.session(ObservedKind.LOGIN, 1, "s1", null, null));
        assertThat(scorer.observe(Obs.session(ObservedKind.SESSION_USE, 2, "s1", "AS2", "BR"))).isEmpty();
    }
}
