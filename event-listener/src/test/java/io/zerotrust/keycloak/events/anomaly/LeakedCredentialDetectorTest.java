package io.zerotrust.keycloak.events.anomaly;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zerotrust.keycloak.events.Events;
import io.zerotrust.keycloak.events.ocsf.OcsfMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeakedCredentialDetectorTest {

    private final ScorerSettings settings = new ScorerSettings(1000, 1000, 5, 30, 1000);
    private final AnomalyScorer scorer = new AnomalyScorer(settings, Obs.memory(), () -> "f");

    @Test
    void aRefusalAfterTheVerifiedPasswordIsAHighFindingAboutTheUser() {
        List<AnomalyFinding> findings = scorer.observe(refused(1_000L, "u-1"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.LEAKED_CREDENTIAL);
            assertThat(f.level()).isEqualTo(FindingLevel.HIGH);
            assertThat(f.userId()).isEqualTo("u-1");
            assertThat(f.ip()).isEqualTo("203.0.113.10");
            assertThat(f.reasons().get(0).code()).isEqualTo(LeakedCredentialDetector.REASON);
            assertThat(f.reasons().get(0).text()).contains("203.0.113.10").contains("JP");
        });
        assertThat(new OcsfMapper().map(findings.get(0)).text()).contains("LEAKED_CREDENTIAL").contains("u-1");
    }

    @Test
    void retriesWithinTheWindowAreReportedOnceAndAgainAfterIt() {
        // the login-failures window: 15 minutes by default
        List<AnomalyFinding> findings = new ArrayList<>();
        findings.addAll(scorer.observe(refused(0L, "u-1")));
        findings.addAll(scorer.observe(refused(60_000L, "u-1")));
        findings.addAll(scorer.observe(refused(61_000L, "u-2")));
        findings.addAll(scorer.observe(refused(Duration.ofMinutes(16).toMillis(), "u-1")));
        assertThat(findings).extracting(AnomalyFinding::userId).containsExactly("u-1", "u-2", "u-1");
    }

    @Test
    void theRefusalsStillCountAsFailuresOfTheirSource() {
        List<AnomalyFinding> findings = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            findings.addAll(scorer.observe(refused(i * 1000L, "u-" + i)));
        }
        // five accounts tried once each from one address: the spray shape, at the login-failures defaults
        assertThat(findings).extracting(AnomalyFinding::kind).contains(FindingKind.PASSWORD_SPRAY);
    }

    @Test
    void aWrongPasswordOrAnotherRefusalIsNoLeakedCredential() {
        assertThat(Observations.kind(Events.login().type("LOGIN_ERROR").error("access_denied")
                .details(Map.of("zt_password_verified", "true")).build())).isEqualTo(ObservedKind.VERIFIED_PASSWORD_REFUSED);
        assertThat(Observations.kind(Events.login().type("LOGIN_ERROR").error("access_denied").details(Map.of()).build()))
                .isEqualTo(ObservedKind.OTHER);
        assertThat(Observations.kind(Events.login().type("LOGIN_ERROR").error("invalid_user_credentials").build()))
                .isEqualTo(ObservedKind.LOGIN_FAILURE);
        assertThat(scorer.observe(Obs.failure(0L, "u-1", "203.0.113.10", "AS64530"))).isEmpty();
    }

    private static AuthObservation refused(long t, String user) {
        return new AuthObservation(t, "r1", ObservedKind.VERIFIED_PASSWORD_REFUSED, user, user, null, "203.0.113.10",
                "AS64530", "JP", null);
    }
}
