package io.zerotrust.keycloak.risk.profile;

import java.time.Instant;

import io.zerotrust.keycloak.risk.geo.GeoLocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParsedProfilesTest {

    private static final Instant MONDAY_9 = Instant.parse("2026-11-23T09:15:00Z");
    private static final GeoLocation BERLIN = new GeoLocation("DE", "Germany", "Berlin", 52.52, 13.40, 20, 3320L,
            "Deutsche Telekom", false, false, false, false);
    private static final GeoLocation TOKYO = new GeoLocation("JP", "Japan", "Tokyo", 35.68, 139.69, 50, 2516L,
            "KDDI", false, false, false, false);

    private final UserRiskProfile berlin = ProfileLearning.learn(UserRiskProfile.empty(),
            new LoginObservation(MONDAY_9, "198.51.100.4", BERLIN, "dev-1", "Firefox", "Linux"), ProfileLimits.DEFAULT);
    private final UserRiskProfile tokyo = ProfileLearning.learn(berlin,
            new LoginObservation(MONDAY_9.plusSeconds(7200), "203.0.113.9", TOKYO, "dev-2", "Safari", "iOS"), ProfileLimits.DEFAULT);
    private final ParsedProfiles parsed = new ParsedProfiles();

    @Test
    void theSameTextIsParsedOnce() {
        String json = ProfileJson.write(berlin);

        UserRiskProfile first = parsed.read("u1", json);

        assertThat(first.countries()).containsOnlyKeys("DE");
        assertThat(parsed.read("u1", new String(json.toCharArray()))).isSameAs(first);
    }

    /** Another node may have changed the row: a text other than the kept one is what counts. */
    @Test
    void aChangedTextIsParsedAgain() {
        parsed.read("u1", ProfileJson.write(berlin));

        assertThat(parsed.read("u1", ProfileJson.write(tokyo)).countries()).containsOnlyKeys("DE", "JP");
        assertThat(parsed.read("u1", ProfileJson.write(berlin)).countries()).containsOnlyKeys("DE");
    }

    @Test
    void whatWasWrittenIsWhatTheNextReadGets() {
        String json = ProfileJson.write(tokyo);
        parsed.keep("u1", json, tokyo);

        assertThat(parsed.read("u1", json)).isSameAs(tokyo);
        assertThat(parsed.read("u2", json)).isNotSameAs(tokyo).satisfies(p -> assertThat(p.logins()).isEqualTo(2));
    }

    @Test
    void aCorruptTextIsRefusedAndNotKept() {
        String json = ProfileJson.write(berlin);
        parsed.read("u1", json);

        assertThatThrownBy(() -> parsed.read("u1", "{\"countries\": 42")).isInstanceOf(IllegalArgumentException.class);
        assertThat(parsed.read("u1", json).countries()).containsOnlyKeys("DE");
    }

    @Test
    void itStaysBounded() {
        String json = ProfileJson.write(berlin);
        for (int i = 0; i <= ParsedProfiles.MAX_USERS; i++) {
            parsed.keep("user-" + i, json, berlin);
        }
        assertThat(parsed.size()).isLessThanOrEqualTo(ParsedProfiles.MAX_USERS);
    }
}
