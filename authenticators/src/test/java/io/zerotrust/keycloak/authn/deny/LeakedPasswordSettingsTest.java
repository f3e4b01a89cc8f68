package io.zerotrust.keycloak.authn.deny;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeakedPasswordSettingsTest {

    @Test
    void byDefaultAVerifiedPasswordMarksTheUserForAWeek() {
        assertThat(LeakedPasswordSettings.read(null, p -> { throw new AssertionError(p); }))
                .isEqualTo(new LeakedPasswordSettings(true, Duration.ofDays(7)));
    }

    @Test
    void reportOnlyAndADurationAreRead() {
        assertThat(LeakedPasswordSettings.read(Map.of("onVerifiedPassword", "Report", "markDuration", "pt12h"),
                p -> { throw new AssertionError(p); })).isEqualTo(new LeakedPasswordSettings(false, Duration.ofHours(12)));
    }

    @Test
    void aTypoNeverWeakensTheResponse() {
        List<String> problems = new ArrayList<>();
        assertThat(LeakedPasswordSettings.read(Map.of("onVerifiedPassword", "ignore", "markDuration", "a week"), problems::add))
                .isEqualTo(new LeakedPasswordSettings(true, Duration.ofDays(7)));
        assertThat(LeakedPasswordSettings.read(Map.of("markDuration", "-P1D"), problems::add).duration()).isEqualTo(Duration.ofDays(7));
        assertThat(problems).hasSize(3);
    }
}
