package io.zerotrust.keycloak.risk.velocity;

import java.time.Duration;
import java.time.Instant;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskReason;
import io.zerotrust.keycloak.risk.spi.MapScope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginFailuresEvaluatorTest {

    private static final LoginFailuresEvaluator EVALUATOR = new LoginFailuresEvaluator(LoginFailuresSettings.defaults());

    private static EvaluatorResult evaluate(FailureCounts counts) {
        return EVALUATOR.evaluate(RiskContext.builder("r", Instant.parse("2026-03-03T10:00:00Z"))
                .userId("u").clientIp("203.0.113.9").failures(counts).build());
    }

    @Test
    void unreadableCountsMakeTheSignalUnavailable() {
        EvaluatorResult result = evaluate(null);

        assertThat(result.available()).isFalse();
        assertThat(result.unavailableReason()).isEqualTo("failure counts could not be read");
    }

    @Test
    void noFailuresNoEvidence() {
        assertThat(evaluate(FailureCounts.none()).reasons()).isEmpty();
    }

    @Test
    void aFewTyposBelowTheThresholdAreIgnored() {
        assertThat(evaluate(new FailureCounts(2, 2, 1, 1, 1)).reasons()).isEmpty();
    }

    @Test
    void userFailuresScaleWithTheCountUpToTheCap() {
        assertThat(single(evaluate(new FailureCounts(3, 3, 1, 0, 1)))).satisfies(r -> {
            assertThat(r.code()).isEqualTo(LoginFailuresEvaluator.USER_FAILURES);
            assertThat(r.logOdds()).isEqualTo(1.0);
            assertThat(r.attributes()).containsEntry("failures", "3").containsEntry("windowMinutes", "15");
        });
        assertThat(single(evaluate(new FailureCounts(5, 5, 1, 0, 1))).logOdds()).isEqualTo(2.0);
        assertThat(single(evaluate(new FailureCounts(50, 50, 1, 0, 1))).logOdds()).isEqualTo(3.0);
    }

    @Test
    void manyUsersFailingFromOneAddressIsCredentialStuffing() {
        RiskReason reason = single(evaluate(new FailureCounts(0, 40, 8, 0, 8)));

        assertThat(reason.code()).isEqualTo(LoginFailuresEvaluator.STUFFING_IP);
        assertThat(reason.logOdds()).isEqualTo(4.0);
    }

    @Test
    void manyUsersWithOneOrTwoFailuresIsPasswordSprayReportedInsteadOfStuffing() {
        RiskReason reason = single(evaluate(new FailureCounts(0, 10, 10, 10, 10)));

        assertThat(reason.code()).isEqualTo(LoginFailuresEvaluator.SPRAY_IP);
        assertThat(reason.logOdds()).isEqualTo(5.0);
    }

    @Test
    void manyUsersFromOneNetworkIsDistributedStuffing() {
        RiskReason reason = single(evaluate(new FailureCounts(0, 1, 1, 1, 25)));

        assertThat(reason.code()).isEqualTo(LoginFailuresEvaluator.STUFFING_NETWORK);
        assertThat(reason.logOdds()).isEqualTo(3.0);
    }

    @Test
    void userAndAttackRulesAddUp() {
        assertThat(evaluate(new FailureCounts(4, 40, 8, 0, 30)).reasons()).extracting(RiskReason::code)
                .containsExactly(LoginFailuresEvaluator.USER_FAILURES, LoginFailuresEvaluator.STUFFING_IP);
    }

    @Test
    void countsFromFailureWindowFeedTheEvaluator() {
        Instant now = Instant.parse("2026-03-03T10:00:00Z");
        java.util.List<FailureRecord> spray = new java.util.ArrayList<>();
        for (int u = 0; u < 6; u++) {
            spray.add(new FailureRecord(now.minusSeconds(30), "user" + u, "203.0.113.9", "64500"));
        }
        FailureCounts counts = LoginFailuresSettings.defaults().failureWindow().count(spray, "user0", "203.0.113.9", "64500", now);

        assertThat(single(evaluate(counts)).code()).isEqualTo(LoginFailuresEvaluator.SPRAY_IP);
    }

    @Test
    void factoryReadsOptionsAndExposesTheWindow() {
        LoginFailuresEvaluatorFactory factory = new LoginFailuresEvaluatorFactory();
        factory.init(MapScope.of(LoginFailuresEvaluatorFactory.USER_FAILURES_THRESHOLD, "5",
                LoginFailuresEvaluatorFactory.STUFFING_DISTINCT_USERS, "10",
                LoginFailuresEvaluatorFactory.SPRAY_DISTINCT_USERS, "8",
                LoginFailuresEvaluatorFactory.NETWORK_DISTINCT_USERS, "50",
                LoginFailuresEvaluatorFactory.WINDOW_MINUTES, "30"));

        assertThat(factory.getId()).isEqualTo("login-failures");
        assertThat(factory.settings()).isEqualTo(new LoginFailuresSettings(5, 10, 8, 50, 30));
        assertThat(factory.windowMinutes()).isEqualTo(30);
        assertThat(factory.failureWindow().length()).isEqualTo(Duration.ofMinutes(30));
        assertThat(factory.create(null).id()).isEqualTo("login-failures");
        assertThat(factory.getConfigMetadata()).hasSize(5);
    }

    @Test
    void factoryReplacesBadOptionsByDefaults() {
        LoginFailuresEvaluatorFactory factory = new LoginFailuresEvaluatorFactory();
        factory.init(MapScope.of(LoginFailuresEvaluatorFactory.USER_FAILURES_THRESHOLD, "0",
                LoginFailuresEvaluatorFactory.SPRAY_DISTINCT_USERS, "lots",
                LoginFailuresEvaluatorFactory.WINDOW_MINUTES, "-15"));

        assertThat(factory.settings()).isEqualTo(LoginFailuresSettings.defaults());
    }

    private static RiskReason single(EvaluatorResult result) {
        assertThat(result.reasons()).hasSize(1);
        return result.reasons().get(0);
    }
}
