package io.zerotrust.keycloak.events.anomaly;

import io.zerotrust.keycloak.risk.anomaly.StepUpMark;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActionsTest {

    @Test
    void parsesActions() {
        assertThat(FindingAction.parse("step-up, revoke-sessions"))
                .containsExactlyInAnyOrder(FindingAction.EMIT, FindingAction.STEP_UP, FindingAction.REVOKE_SESSIONS);
        assertThat(FindingAction.parse("")).containsExactly(FindingAction.EMIT);
        assertThatThrownBy(() -> FindingAction.parse("lock")).hasMessageContaining("lock");
    }

    @Test
    void stepUpMarkRoundTrips() {
        StepUpMark mark = new StepUpMark("f-1", Instant.ofEpochSecond(1_800_000_000L));
        assertThat(mark.format()).isEqualTo("f-1;1800000000");
        assertThat(StepUpMark.parse(mark.format())).isEqualTo(mark);
        assertThat(StepUpMark.parse("garbage")).isNull();
        assertThat(mark.activeAt(Instant.ofEpochSecond(1_799_999_999L))).isTrue();
        assertThat(mark.activeAt(Instant.ofEpochSecond(1_800_000_000L))).isFalse();
    }

    @Test
    void observationsReadKeycloakEventTypes() {
        assertThat(Observations.kind(io.zerotrust.keycloak.events.Events.login()
                .details(java.util.Map.of("zt_risk_verified", "true")).build())).isEqualTo(ObservedKind.LOGIN);
        // no verdict (no assessment in the flow) or a step-up not met: scored, never learned
        assertThat(Observations.kind(io.zerotrust.keycloak.events.Events.login().build())).isEqualTo(ObservedKind.UNVERIFIED_LOGIN);
        assertThat(Observations.kind(io.zerotrust.keycloak.events.Events.login()
                .details(java.util.Map.of("zt_risk_verified", "false")).build())).isEqualTo(ObservedKind.UNVERIFIED_LOGIN);
        assertThat(Observations.kind(io.zerotrust.keycloak.events.Events.login().type("LOGIN_ERROR")
                .error("invalid_user_credentials").build())).isEqualTo(ObservedKind.LOGIN_FAILURE);
        assertThat(Observations.kind(io.zerotrust.keycloak.events.Events.login().type("LOGIN_ERROR")
                .error("expired_code").build())).isEqualTo(ObservedKind.OTHER);
        assertThat(Observations.kind(io.zerotrust.keycloak.events.Events.login().type("TOKEN_EXCHANGE").build()))
                .isEqualTo(ObservedKind.SESSION_USE);
        AuthObservation login = new Observations().of(io.zerotrust.keycloak.events.Events.login()
                .userAgent("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0").build());
        assertThat(login.agentFamily()).isEqualTo("Firefox/Linux");
        assertThat(login.network()).isEqualTo("AS64500");
    }

    @Test
    void aFindingAboutASourceNeverActsOnTheAccountsItTargeted() {
        FindingActionExecutor executor = new FindingActionExecutor(null, java.util.Map.of(
                FindingLevel.MEDIUM, FindingAction.parse("step-up"),
                FindingLevel.HIGH, FindingAction.parse("step-up,revoke-sessions")),
                java.time.Duration.ofHours(1), false, java.time.Clock.systemUTC());
        AnomalyFinding stuffing = new AnomalyFinding("f-1", 1, "r1", null, null, "203.0.113.66", null,
                FindingKind.CREDENTIAL_STUFFING, 100, FindingLevel.HIGH,
                java.util.List.of(new FindingReason("MANY_ACCOUNTS_FAILING_FROM_IP", "40 accounts")),
                java.util.List.of("u1", "u2", "name:ghost"));
        AnomalyFinding theft = new AnomalyFinding("f-2", 1, "r1", "u1", "s1", "203.0.113.10", "AS64530",
                FindingKind.TOKEN_THEFT, 85, FindingLevel.HIGH,
                java.util.List.of(new FindingReason("SESSION_COUNTRY_CHANGED", "DE then JP")));

        assertThat(executor.actionsFor(stuffing)).containsExactly(FindingAction.EMIT);
        assertThat(executor.actionsFor(theft)).contains(FindingAction.STEP_UP, FindingAction.REVOKE_SESSIONS);
        // nothing to do: returns without touching Keycloak (the session factory is null here)
        executor.execute(stuffing);
    }
}
