package io.zerotrust.keycloak.events.anomaly;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginLikelihoodTest {

    private final AnomalyScorer scorer = new AnomalyScorer(ScorerSettings.DEFAULT, Obs.memory(), () -> "f");

    private void history(String user, int logins) {
        for (int i = 0; i < logins; i++) {
            assertThat(scorer.observe(Obs.login(i, user, "203.0.113." + (i % 2), "AS64500", "DE", "Firefox/Linux")))
                    .isEmpty();
        }
        // a crowd, so the population knows other places
        for (int i = 0; i < 50; i++) {
            scorer.observe(Obs.login(i, "other-" + i, "192.0.2." + i, "AS" + (100 + i % 5), i % 3 == 0 ? "FR" : "US",
                    "Chrome/Windows"));
        }
    }

    @Test
    void unverifiedSignInsAreScoredButNeverLearned() {
        history("alice", 20);
        AuthObservation brazil = Obs.login(100, "alice", "45.1.2.3", "AS9999", "BR", "Opera/Android");
        AuthObservation unverified = new AuthObservation(100, "r1", ObservedKind.UNVERIFIED_LOGIN, "alice", "alice", "s-u",
                brazil.ip(), brazil.network(), brazil.country(), brazil.agentFamily());
        // Whoever holds the password signs in again and again from Brazil through a route the pack did not verify
        for (int i = 0; i < 30; i++) {
            assertThat(scorer.observe(unverified)).as("unverified sign-in %d is scored", i)
                    .singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(FindingKind.UNUSUAL_LOGIN));
        }
        // ...and Brazil is still unusual for alice
        assertThat(scorer.observe(brazil)).singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(FindingKind.UNUSUAL_LOGIN));
    }

    @Test
    void usualSignInIsNoFinding() {
        history("alice", 20);
        assertThat(scorer.observe(Obs.login(100, "alice", "203.0.113.1", "AS64500", "DE", "Firefox/Linux"))).isEmpty();
    }

    @Test
    void newAddressAloneIsAtMostLow() {
        history("alice", 20);
        List<AnomalyFinding> findings = scorer.observe(Obs.login(100, "alice", "203.0.113.99", "AS64500", "DE",
                "Firefox/Linux"));
        assertThat(findings).allSatisfy(f -> assertThat(f.level()).isEqualTo(FindingLevel.LOW));
    }

    @Test
    void everythingNewIsHighWithAReasonPerFeature() {
        history("alice", 20);
        List<AnomalyFinding> findings = scorer.observe(Obs.login(100, "alice", "45.1.2.3", "AS9999", "BR",
                "Opera/Android"));

        assertThat(findings).hasSize(1);
        AnomalyFinding finding = findings.get(0);
        assertThat(finding.kind()).isEqualTo(FindingKind.UNUSUAL_LOGIN);
        assertThat(finding.level()).isEqualTo(FindingLevel.HIGH);
        assertThat(finding.userId()).isEqualTo("alice");
        assertThat(finding.reasons()).extracting(FindingReason::code)
                .containsExactly("NEW_IP", "NEW_NETWORK", "NEW_COUNTRY", "NEW_USER_AGENT");
        assertThat(finding.reasons().get(2).text()).isEqualTo("country BR not seen in 20 sign-ins of this user");
    }

    @Test
    void newCountryAndNetworkScoreHigherThanNewAddress() {
        history("alice", 20);
        history("bob", 20);
        int address = score("alice", "203.0.113.50", "AS64500", "DE");
        int country = score("bob", "45.1.2.3", "AS9999", "BR");
        assertThat(country).isGreaterThan(address);
        assertThat(FindingLevel.of(country)).isIn(FindingLevel.MEDIUM, FindingLevel.HIGH);
    }

    @Test
    void coldStartIsNotScored() {
        history("alice", 4);
        assertThat(scorer.observe(Obs.login(100, "alice", "45.1.2.3", "AS9999", "BR", "Opera/Android"))).isEmpty();
    }

    @Test
    void learnedValuesStopBeingNew() {
        history("alice", 20);
        for (int i = 0; i < 20; i++) {
            scorer.observe(Obs.login(200 + i, "alice", "45.1.2.3", "AS9999", "BR", "Firefox/Linux"));
        }
        assertThat(scorer.observe(Obs.login(300, "alice", "45.1.2.3", "AS9999", "BR", "Firefox/Linux"))).isEmpty();
    }

    private int score(String user, String ip, String network, String country) {
        AnomalyScorer probe = scorer;
        List<AnomalyFinding> findings = probe.observe(Obs.login(100, user, ip, network, country, "Firefox/Linux"));
        return findings.isEmpty() ? 0 : findings.get(0).score();
    }
}
