package io.zerotrust.keycloak.risk.time;

import java.time.Instant;
import java.util.Map;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskReason;
import io.zerotrust.keycloak.risk.profile.UserRiskProfile;
import io.zerotrust.keycloak.risk.spi.MapScope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeEvaluatorTest {

    /** Tuesday 09:00 UTC. */
    private static final Instant TUESDAY_9 = Instant.parse("2026-03-03T09:10:00Z");
    /** Tuesday 03:00 UTC. */
    private static final Instant TUESDAY_3 = Instant.parse("2026-03-03T03:10:00Z");

    private static RiskContext at(Instant now, UserRiskProfile profile) {
        return RiskContext.builder("r", now).userId("u").profile(profile).build();
    }

    /** A profile with {@code logins} past logins, all in the bin of {@code when}. */
    private static UserRiskProfile loginsAt(Instant when, int logins) {
        int[] bins = new int[UserRiskProfile.HOURS_PER_WEEK];
        bins[HourOfWeek.index(when)] = logins;
        return new UserRiskProfile(Map.of(), Map.of(), Map.of(), Map.of(), null, bins, logins);
    }

    private static TimeEvaluator evaluator(String windows) {
        return new TimeEvaluator(TimeSettings.defaults().withWindows(AccessWindowParser.parse(windows)));
    }

    @Test
    void outsideEveryWindowIsStrongEvidence() {
        EvaluatorResult result = evaluator("Mon-Fri 07:00-19:00 UTC; Sat 09:00-13:00 UTC").evaluate(at(TUESDAY_3, UserRiskProfile.empty()));

        assertThat(result.reasons()).extracting(RiskReason::code).containsExactly(TimeEvaluator.OUTSIDE_WINDOW);
        assertThat(result.reasons().get(0).logOdds()).isEqualTo(4.0);
    }

    @Test
    void insideAnyWindowSaysNothing() {
        EvaluatorResult result = evaluator("Sat 09:00-13:00 UTC; Mon-Fri 07:00-19:00 UTC").evaluate(at(TUESDAY_9, UserRiskProfile.empty()));

        assertThat(result.available()).isTrue();
        assertThat(result.reasons()).isEmpty();
    }

    @Test
    void noWindowsConfiguredMeansNoWindowRule() {
        assertThat(evaluator("").evaluate(at(TUESDAY_3, UserRiskProfile.empty())).reasons()).isEmpty();
    }

    @Test
    void coldStartUserWithFewLoginsGivesNoProfileEvidence() {
        // 9 logins, all at 09:00: a 03:00 sign-in would be odd, but 9 < min-logins
        EvaluatorResult result = evaluator("").evaluate(at(TUESDAY_3, loginsAt(TUESDAY_9, 9)));

        assertThat(result.available()).isTrue();
        assertThat(result.reasons()).isEmpty();
    }

    @Test
    void anHourTheUserNeverUsesIsUnusualAndEvidenceGrowsWithHistoryUpToTheCap() {
        RiskReason ten = evaluator("").evaluate(at(TUESDAY_3, loginsAt(TUESDAY_9, 10))).reasons().get(0);
        RiskReason many = evaluator("").evaluate(at(TUESDAY_3, loginsAt(TUESDAY_9, 1000))).reasons().get(0);

        assertThat(ten.code()).isEqualTo(TimeEvaluator.UNUSUAL_HOUR);
        // p = 0.15 / 18.4, uniform = 3/168: ratio 2.19, log 0.78
        assertThat(ten.logOdds()).isBetween(0.7, 0.85);
        assertThat(ten.attributes()).containsEntry("hourOfWeek", "Tue 03:00 UTC").containsEntry("loginsNearHour", "0");
        assertThat(many.code()).isEqualTo(TimeEvaluator.UNUSUAL_HOUR);
        assertThat(many.logOdds()).isEqualTo(TimeEvaluator.MAX_UNUSUAL_LOG_ODDS);
    }

    @Test
    void theUsualHourIsSlightlyReassuring() {
        EvaluatorResult result = evaluator("").evaluate(at(TUESDAY_9, loginsAt(TUESDAY_9, 20)));

        assertThat(result.reasons()).extracting(RiskReason::code).containsExactly(TimeEvaluator.USUAL_HOUR);
        assertThat(result.reasons().get(0).logOdds()).isEqualTo(-0.5);
    }

    @Test
    void neighbouringHoursCountSoTheMinuteBeforeTheUsualHourIsNotUnusual() {
        Instant eightFiftyFive = Instant.parse("2026-03-03T08:55:00Z");

        assertThat(evaluator("").evaluate(at(eightFiftyFive, loginsAt(TUESDAY_9, 20))).reasons())
                .extracting(RiskReason::code).containsExactly(TimeEvaluator.USUAL_HOUR);

        TimeEvaluator strict = new TimeEvaluator(new TimeSettings(java.util.List.of(), 10, 0, TimeSettings.DEFAULT_SMOOTHING));
        assertThat(strict.evaluate(at(eightFiftyFive, loginsAt(TUESDAY_9, 20))).reasons())
                .extracting(RiskReason::code).containsExactly(TimeEvaluator.UNUSUAL_HOUR);
    }

    @Test
    void bothRulesCanFireTogether() {
        EvaluatorResult result = evaluator("Mon-Fri 07:00-19:00 UTC").evaluate(at(TUESDAY_3, loginsAt(TUESDAY_9, 50)));

        assertThat(result.reasons()).extracting(RiskReason::code)
                .containsExactly(TimeEvaluator.OUTSIDE_WINDOW, TimeEvaluator.UNUSUAL_HOUR);
    }

    @Test
    void factoryReadsOptions() {
        TimeEvaluatorFactory factory = new TimeEvaluatorFactory();
        factory.init(MapScope.of(TimeEvaluatorFactory.ACCESS_WINDOWS, "Mon-Fri 07:00-19:00 Europe/Berlin",
                TimeEvaluatorFactory.MIN_LOGINS, "25", TimeEvaluatorFactory.NEIGHBOUR_HOURS, "0",
                TimeEvaluatorFactory.SMOOTHING, "0.1"));

        TimeSettings settings = factory.evaluator().settings();
        assertThat(factory.getId()).isEqualTo("time");
        assertThat(settings.windows()).hasSize(1);
        assertThat(settings.minLogins()).isEqualTo(25);
        assertThat(settings.neighbourHours()).isZero();
        assertThat(settings.smoothing()).isEqualTo(0.1);
        assertThat(factory.create(null).evaluate(at(TUESDAY_3, UserRiskProfile.empty())).reasons())
                .extracting(RiskReason::code).containsExactly(TimeEvaluator.OUTSIDE_WINDOW);
        assertThat(factory.getConfigMetadata()).hasSize(4);
    }

    @Test
    void factoryReplacesBadOptionsByDefaults() {
        TimeEvaluatorFactory factory = new TimeEvaluatorFactory();
        factory.init(MapScope.of(TimeEvaluatorFactory.ACCESS_WINDOWS, "Mon-Fri 7-19 Berlin",
                TimeEvaluatorFactory.MIN_LOGINS, "ten", TimeEvaluatorFactory.SMOOTHING, "-1"));

        assertThat(factory.evaluator().settings()).isEqualTo(TimeSettings.defaults());
    }
}
