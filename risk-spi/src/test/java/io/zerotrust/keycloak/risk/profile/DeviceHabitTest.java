package io.zerotrust.keycloak.risk.profile;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceHabitTest {

    private static final Instant MONDAY_9 = Instant.parse("2026-11-23T09:15:00Z");

    @Test
    void countsSignInsThatPresentedADeviceAlreadyInTheProfile() {
        UserRiskProfile profile = learn(UserRiskProfile.empty(), 0, "dev-1");
        // the first sign-in could not show a known device: not counted
        assertThat(profile.deviceHabit()).isEqualTo(DeviceHabit.none());

        profile = learn(profile, 1, "dev-1");
        profile = learn(profile, 2, "dev-1");
        profile = learn(profile, 3, "dev-2");

        assertThat(profile.deviceHabit()).isEqualTo(new DeviceHabit(3, 2));
    }

    @Test
    void aSignInNamingNoDeviceTeachesNothingAboutTheHabit() {
        UserRiskProfile profile = learn(learn(UserRiskProfile.empty(), 0, "dev-1"), 1, null);

        assertThat(profile.deviceHabit()).isEqualTo(DeviceHabit.none());
        assertThat(profile.logins()).isEqualTo(2);
    }

    @Test
    void olderSignInsFadeOnceTheWindowIsFull() {
        DeviceHabit habit = DeviceHabit.none();
        for (int i = 0; i < DeviceHabit.WINDOW; i++) {
            habit = habit.after(true);
        }
        assertThat(habit).isEqualTo(new DeviceHabit(DeviceHabit.WINDOW, DeviceHabit.WINDOW));

        for (int i = 0; i < 200; i++) {
            habit = habit.after(false);
        }

        assertThat(habit.signIns()).isCloseTo(DeviceHabit.WINDOW, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(habit.knownDevice() / habit.signIns()).isLessThan(0.05);
    }

    @Test
    void aProfileStoredBeforeTheHabitReadsWithNone() {
        String stored = "{\"countries\":{\"DE\":\"2026-11-20T09:00:00Z\"},\"cities\":{},\"networks\":{},"
                + "\"devices\":{\"dev-1\":\"2026-11-20T09:00:00Z\"},\"last\":null,\"hourOfWeek\":"
                + java.util.Arrays.toString(new int[UserRiskProfile.HOURS_PER_WEEK]).replace(" ", "") + ",\"logins\":7}";

        UserRiskProfile read = ProfileJson.read(stored);

        assertThat(read.logins()).isEqualTo(7);
        assertThat(read.deviceHabit()).isEqualTo(DeviceHabit.none());
    }

    @Test
    void theHabitSurvivesItsJsonForm() {
        UserRiskProfile profile = learn(learn(learn(UserRiskProfile.empty(), 0, "dev-1"), 1, "dev-1"), 2, "dev-9");

        assertThat(ProfileJson.read(ProfileJson.write(profile)).deviceHabit()).isEqualTo(new DeviceHabit(2, 1));
    }

    private static UserRiskProfile learn(UserRiskProfile profile, int day, String deviceId) {
        return ProfileLearning.learn(profile, new LoginObservation(MONDAY_9.plus(Duration.ofDays(day)), "198.51.100.4",
                null, deviceId, "Firefox", "Linux"), ProfileLimits.DEFAULT);
    }
}
