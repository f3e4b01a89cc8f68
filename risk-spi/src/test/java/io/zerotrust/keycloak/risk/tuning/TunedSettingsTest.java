package io.zerotrust.keycloak.risk.tuning;

import java.util.Map;

import io.zerotrust.keycloak.risk.geo.GeoSettings;
import io.zerotrust.keycloak.risk.spi.MapScope;
import io.zerotrust.keycloak.risk.travel.TravelSettings;
import io.zerotrust.keycloak.risk.velocity.LoginFailuresSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TunedSettingsTest {

    /** The login-failures parser as its factory registers it, through OptionReader. */
    private static TunedSettings<LoginFailuresSettings> loginFailures() {
        return new TunedSettings<>("login-failures", options -> new LoginFailuresSettings(
                options.integer("user-failures-threshold", LoginFailuresSettings.DEFAULT_USER_FAILURES_THRESHOLD, 1, 1000),
                LoginFailuresSettings.DEFAULT_STUFFING_DISTINCT_USERS, LoginFailuresSettings.DEFAULT_SPRAY_DISTINCT_USERS,
                LoginFailuresSettings.DEFAULT_NETWORK_DISTINCT_USERS,
                options.integer("window-minutes", LoginFailuresSettings.DEFAULT_WINDOW_MINUTES, 1, 1440)));
    }

    @Test
    void aRealmValueWinsOverTheServerOptionWhichWinsOverTheDefault() {
        TunedSettings<LoginFailuresSettings> tuned = loginFailures();
        tuned.init(MapScope.of("window-minutes", "30"));

        LoginFailuresSettings realm = tuned.forValues(Map.of("user-failures-threshold", "7"));

        assertThat(realm.userFailuresThreshold()).isEqualTo(7);
        assertThat(realm.windowMinutes()).as("not set in the realm: the server's").isEqualTo(30);
        assertThat(realm.stuffingDistinctUsers()).as("set nowhere: the default").isEqualTo(5);
        assertThat(tuned.forValues(Map.of("window-minutes", "5")).windowMinutes()).isEqualTo(5);
    }

    @Test
    void withoutRealmValuesTheServerWideSettingsApply() {
        TunedSettings<LoginFailuresSettings> tuned = loginFailures();
        tuned.init(MapScope.of("user-failures-threshold", "4"));

        assertThat(tuned.forValues(Map.of())).isSameAs(tuned.serverWide());
        assertThat(tuned.forRealm(null)).isSameAs(tuned.serverWide());
        assertThat(tuned.serverWide().userFailuresThreshold()).isEqualTo(4);
    }

    @Test
    void aBlankRealmValueKeepsTheServerOption() {
        assertThat(TunedSettings.layered(Map.of("k", "  "), key -> "server").apply("k")).isEqualTo("server");
        assertThat(TunedSettings.layered(Map.of("k", "realm"), key -> "server").apply("k")).isEqualTo("realm");
        assertThat(TunedSettings.layered(Map.of(), key -> null).apply("k")).isNull();
    }

    @Test
    void theSameRealmValuesAreParsedOnceAndChangedOnesAfresh() {
        int[] parses = {0};
        TunedSettings<TravelSettings> tuned = new TunedSettings<>("impossible-travel", options -> {
            parses[0]++;
            return TravelSettings.parse(options);
        });
        tuned.init(MapScope.of());
        int atStart = parses[0];

        TravelSettings first = tuned.forValues(Map.of("max-speed-kmh", "800"));
        TravelSettings again = tuned.forValues(Map.of("max-speed-kmh", "800"));
        TravelSettings changed = tuned.forValues(Map.of("max-speed-kmh", "700"));

        assertThat(again).isSameAs(first);
        assertThat(changed.maxSpeedKmh()).isEqualTo(700.0);
        assertThat(parses[0] - atStart).isEqualTo(2);
    }

    @Test
    void problemsAreThoseOfTheRealmValuesAloneNotOfTheServerOptions() {
        TunedSettings<GeoSettings> tuned = new TunedSettings<>("geo", GeoSettings::parse);
        tuned.init(MapScope.of("new-country-log-odds", "not-a-number"));

        assertThat(tuned.problems(Map.of("deny-countries", "KP,IR"))).isEmpty();
        assertThat(tuned.problems(Map.of("deny-countries", "KP,Iran"))).singleElement().asString().contains("Iran");
    }

    @Test
    void integerProblemsOfOptionReaderAreCollectedNotOnlyLogged() {
        TunedSettings<LoginFailuresSettings> tuned = loginFailures();

        assertThat(tuned.problems(Map.of("window-minutes", "0"))).singleElement().asString()
                .contains("window-minutes='0'", "from 1 to 1440");
    }
}
