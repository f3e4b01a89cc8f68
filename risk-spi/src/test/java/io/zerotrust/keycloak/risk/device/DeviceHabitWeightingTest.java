package io.zerotrust.keycloak.risk.device;

import java.time.Instant;
import java.util.Map;

import io.zerotrust.keycloak.risk.engine.EvaluatorResult;
import io.zerotrust.keycloak.risk.engine.RiskContext;
import io.zerotrust.keycloak.risk.engine.RiskReason;
import io.zerotrust.keycloak.risk.profile.DeviceHabit;
import io.zerotrust.keycloak.risk.profile.UserRiskProfile;
import io.zerotrust.keycloak.risk.spi.OptionReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class DeviceHabitWeightingTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final double UNKNOWN = DeviceEvaluatorConfig.DEFAULT_UNKNOWN;

    private final DeviceHabitWeighting weighting = DeviceHabitWeighting.defaults();

    @Test
    void withoutCountedSignInsTheWeightIsTheConfiguredOne() {
        DeviceHabitWeighting.Weighted weighted = weighting.weigh(UNKNOWN, DeviceHabit.none());

        assertThat(weighted.logOdds()).isEqualTo(UNKNOWN);
        assertThat(weighted.share()).isCloseTo(1 - Math.exp(-UNKNOWN), offset(1e-9));
    }

    @Test
    void twoSignInsStayNearTheConfiguredWeight() {
        assertThat(weighting.weigh(UNKNOWN, new DeviceHabit(2, 2)).logOdds()).isBetween(UNKNOWN, UNKNOWN + 0.25);
        assertThat(weighting.weigh(UNKNOWN, new DeviceHabit(2, 0)).logOdds()).isBetween(UNKNOWN - 0.5, UNKNOWN);
    }

    @Test
    void aHabitualUserWeighsMoreUpToTheBoundAndAForgetfulOneLessDownToIt() {
        double habitual = weighting.weigh(UNKNOWN, new DeviceHabit(40, 39)).logOdds();
        assertThat(habitual).isGreaterThan(2.3).isLessThanOrEqualTo(DeviceHabitWeighting.DEFAULT_MAX_LOG_ODDS);
        assertThat(weighting.weigh(UNKNOWN, new DeviceHabit(50, 50)).logOdds()).isEqualTo(DeviceHabitWeighting.DEFAULT_MAX_LOG_ODDS);
        assertThat(weighting.weigh(UNKNOWN, new DeviceHabit(50, 0)).logOdds()).isEqualTo(DeviceHabitWeighting.DEFAULT_MIN_LOG_ODDS);
    }

    @Test
    void switchedOffOrANonPositiveWeightIsLeftAlone() {
        assertThat(DeviceHabitWeighting.off().weigh(UNKNOWN, new DeviceHabit(50, 50)))
                .isEqualTo(new DeviceHabitWeighting.Weighted(UNKNOWN, null));
        assertThat(weighting.weigh(-0.5, new DeviceHabit(50, 50))).isEqualTo(new DeviceHabitWeighting.Weighted(-0.5, null));
    }

    @Test
    void theEvaluatorSaysWhyAnUnknownDeviceOfAHabitualUserWeighsMore() {
        RiskReason reason = unknownDevice(new DeviceEvaluator(DeviceEvaluatorConfig.defaults()), new DeviceHabit(40, 39));

        assertThat(reason.code()).isEqualTo(DeviceEvaluator.DEVICE_UNKNOWN_HABITUAL);
        assertThat(reason.logOdds()).isGreaterThan(UNKNOWN);
        assertThat(reason.attributes()).containsEntry("knownDeviceShare", "0.94").containsEntry("countedSignIns", "40");
        assertThat(reason.message()).contains("39 of 40", "instead of 1.50");
    }

    @Test
    void aForgetfulUsersUnknownDeviceIsPlainAndWeighsLess() {
        RiskReason reason = unknownDevice(new DeviceEvaluator(DeviceEvaluatorConfig.defaults()), new DeviceHabit(20, 5));

        assertThat(reason.code()).isEqualTo(DeviceEvaluator.DEVICE_UNKNOWN);
        assertThat(reason.logOdds()).isLessThan(UNKNOWN);
        assertThat(reason.attributes()).containsKey("knownDeviceShare");
    }

    @Test
    void theOptionsSwitchItOffAndSetItsBounds() {
        Map<String, String> off = Map.of(DeviceEvaluatorFactory.HABIT_WEIGHTING, "false");
        RiskReason plain = unknownDevice(new DeviceEvaluator(config(off)), new DeviceHabit(40, 40));
        assertThat(plain.code()).isEqualTo(DeviceEvaluator.DEVICE_UNKNOWN);
        assertThat(plain.logOdds()).isEqualTo(UNKNOWN);
        assertThat(plain.attributes()).doesNotContainKey("knownDeviceShare");

        Map<String, String> bounded = Map.of(DeviceEvaluatorFactory.HABIT_MAX_LOG_ODDS, "2.0",
                DeviceEvaluatorFactory.HABIT_PRIOR_SIGN_INS, "0");
        DeviceEvaluatorConfig config = config(bounded);
        assertThat(config.habit().priorSignIns()).isEqualTo(DeviceHabitWeighting.DEFAULT_PRIOR_SIGN_INS);
        assertThat(unknownDevice(new DeviceEvaluator(config), new DeviceHabit(40, 40)).logOdds()).isEqualTo(2.0);
    }

    @Test
    void aColdStartIsUnchanged() {
        RiskContext context = RiskContext.builder("demo", NOW).userId("alice").device(DeviceSignal.absent())
                .profile(UserRiskProfile.empty()).build();

        RiskReason reason = new DeviceEvaluator(DeviceEvaluatorConfig.defaults()).evaluate(context).reasons().get(0);

        assertThat(reason.logOdds()).isEqualTo(DeviceEvaluatorConfig.DEFAULT_COLD_START);
        assertThat(reason.attributes()).doesNotContainKey("knownDeviceShare");
    }

    private static DeviceEvaluatorConfig config(Map<String, String> options) {
        return DeviceEvaluatorConfig.from(new OptionReader(DeviceEvaluator.ID, options::get));
    }

    private static RiskReason unknownDevice(DeviceEvaluator evaluator, DeviceHabit habit) {
        UserRiskProfile profile = new UserRiskProfile(Map.of(), Map.of(), Map.of(), Map.of("other", NOW.minusSeconds(86_400)),
                null, new int[UserRiskProfile.HOURS_PER_WEEK], (long) habit.signIns() + 1, habit);
        RiskContext context = RiskContext.builder("demo", NOW).userId("alice").device(DeviceSignal.absent())
                .profile(profile).build();
        EvaluatorResult result = evaluator.evaluate(context);
        assertThat(result.reasons()).hasSize(1);
        return result.reasons().get(0);
    }
}
