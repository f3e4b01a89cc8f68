package io.zerotrust.keycloak.risk.profile;

import java.time.Duration;
import java.time.Instant;

import io.zerotrust.keycloak.risk.geo.GeoLocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileLearningTest {

    private static final Instant MONDAY_9 = Instant.parse("2026-11-23T09:15:00Z");
    private static final GeoLocation BERLIN = new GeoLocation("DE", "Germany", "Berlin", 52.52, 13.40, 20, 3320L,
            "Deutsche Telekom", false, false, false, false);
    private static final GeoLocation TOKYO = new GeoLocation("JP", "Japan", "Tokyo", 35.68, 139.69, 50, 2516L,
            "KDDI", false, false, false, false);

    @Test
    void firstLoginTeachesPlaceNetworkDeviceAndHour() {
        UserRiskProfile learned = ProfileLearning.learn(UserRiskProfile.empty(),
                new LoginObservation(MONDAY_9, "198.51.100.4", BERLIN, "dev-1", "Firefox", "Linux"), ProfileLimits.DEFAULT);

        assertThat(learned.isNew()).isFalse();
        assertThat(learned.logins()).isEqualTo(1);
        assertThat(learned.countries()).containsOnlyKeys("DE");
        assertThat(learned.cities()).containsOnlyKeys("DE/Berlin");
        assertThat(learned.networks()).containsOnlyKeys("3320");
        assertThat(learned.devices()).containsOnlyKeys("dev-1");
        assertThat(learned.loginsAtHourOfWeek(9)).isEqualTo(1);
        assertThat(learned.last()).isEqualTo(new UserRiskProfile.LastLogin(MONDAY_9, "198.51.100.4", "DE", "Berlin",
                52.52, 13.40, 20, "Firefox", "Linux"));
    }

    @Test
    void loginWithoutLocationStillCountsButTeachesNoPlace() {
        UserRiskProfile learned = ProfileLearning.learn(UserRiskProfile.empty(),
                new LoginObservation(MONDAY_9, "10.0.0.1", null, null, null, null), ProfileLimits.DEFAULT);

        assertThat(learned.logins()).isEqualTo(1);
        assertThat(learned.countries()).isEmpty();
        assertThat(learned.last().latitude()).isNull();
    }

    @Test
    void entriesOlderThanRetentionAreForgotten() {
        ProfileLimits limits = new ProfileLimits(30, 60, 60, 20, Duration.ofDays(30));
        UserRiskProfile first = ProfileLearning.learn(UserRiskProfile.empty(),
                new LoginObservation(MONDAY_9, "198.51.100.4", BERLIN, "dev-1", null, null), limits);

        UserRiskProfile later = ProfileLearning.learn(first,
                new LoginObservation(MONDAY_9.plus(Duration.ofDays(31)), "203.0.113.9", TOKYO, "dev-2", null, null), limits);

        assertThat(later.countries()).containsOnlyKeys("JP");
        assertThat(later.devices()).containsOnlyKeys("dev-2");
        assertThat(later.logins()).isEqualTo(2);
    }

    @Test
    void eachSetKeepsOnlyItsMostRecentEntries() {
        ProfileLimits limits = new ProfileLimits(30, 60, 60, 3, Duration.ofDays(180));
        UserRiskProfile profile = UserRiskProfile.empty();
        for (int i = 0; i < 10; i++) {
            profile = ProfileLearning.learn(profile,
                    new LoginObservation(MONDAY_9.plusSeconds(60L * i), null, null, "dev-" + i, null, null), limits);
        }

        assertThat(profile.devices()).containsOnlyKeys("dev-7", "dev-8", "dev-9");
        assertThat(profile.logins()).isEqualTo(10);
    }

    @Test
    void profileSurvivesItsJsonForm() {
        UserRiskProfile learned = ProfileLearning.learn(UserRiskProfile.empty(),
                new LoginObservation(MONDAY_9, "198.51.100.4", BERLIN, "dev-1", "Firefox", "Linux"), ProfileLimits.DEFAULT);

        UserRiskProfile read = ProfileJson.read(ProfileJson.write(learned));

        assertThat(read.countries()).isEqualTo(learned.countries());
        assertThat(read.devices()).isEqualTo(learned.devices());
        assertThat(read.last()).isEqualTo(learned.last());
        assertThat(read.hourOfWeek()).isEqualTo(learned.hourOfWeek());
        assertThat(read.logins()).isEqualTo(1);
    }

    @Test
    void corruptJsonIsRefusedWithAReason() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProfileJson.read("{\"countries\": 42"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not readable");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProfileJson.read("{\"hourOfWeek\":[1,2]}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
