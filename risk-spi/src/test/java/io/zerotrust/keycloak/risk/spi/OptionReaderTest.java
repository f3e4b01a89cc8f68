package io.zerotrust.keycloak.risk.spi;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.zerotrust.keycloak.risk.engine.RiskLevel;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;

import static org.assertj.core.api.Assertions.assertThat;

class OptionReaderTest {

    @Test
    void unsetOrBlankOptionsGiveTheDefault() {
        OptionReader options = new OptionReader("x", MapScope.of("blank", "  "));

        assertThat(options.string("blank", "d")).isEqualTo("d");
        assertThat(options.integer("missing", 7, 1, 10)).isEqualTo(7);
        assertThat(new OptionReader("x", (Config.Scope) null).decimal("any", 0.5, 0, 1)).isEqualTo(0.5);
    }

    @Test
    void valuesAreTrimmedAndParsed() {
        OptionReader options = new OptionReader("x", MapScope.of("n", " 4 ", "d", "0.25", "s", " a "));

        assertThat(options.integer("n", 7, 1, 10)).isEqualTo(4);
        assertThat(options.decimal("d", 0.5, 0, 1)).isEqualTo(0.25);
        assertThat(options.string("s", null)).isEqualTo("a");
    }

    @Test
    void badOrOutOfRangeValuesFallBackToTheDefault() {
        OptionReader options = new OptionReader("x", MapScope.of("word", "three", "big", "11", "nan", "NaN"));

        assertThat(options.integer("word", 3, 1, 10)).isEqualTo(3);
        assertThat(options.integer("big", 3, 1, 10)).isEqualTo(3);
        assertThat(options.decimal("nan", 0.5, 0, 1)).isEqualTo(0.5);
    }

    @Test
    void everyTypeReadsItsValuesAndReportsWhatItCannotRead() {
        OptionReader options = OptionReader.collecting("x", Map.of("n", "5", "ms", "250", "iso", "pt12h", "flag", "TRUE",
                "mode", "Unavailable", "level", "high", "list", "a## b ##", "big", "5000000000"));

        assertThat(options.integer("n", 1, 1)).isEqualTo(5);
        assertThat(options.longInteger("big", 1, 1)).isEqualTo(5_000_000_000L);
        assertThat(options.optionalInteger("n", 0)).hasValue(5);
        assertThat(options.optionalInteger("missing", 0)).isEmpty();
        assertThat(options.duration("ms", 200, ChronoUnit.MILLIS, 1)).isEqualTo(Duration.ofMillis(250));
        assertThat(options.duration("missing", 60, ChronoUnit.MINUTES, 1)).isEqualTo(Duration.ofHours(1));
        assertThat(options.isoDuration("iso", "P30D")).isEqualTo(Duration.ofHours(12));
        assertThat(options.bool("flag", false)).isTrue();
        assertThat(options.choice("mode", "no-evidence", "no-evidence", "unavailable")).isEqualTo("unavailable");
        assertThat(options.enumValue("level", RiskLevel.LOW, RiskLevel.class)).isEqualTo(RiskLevel.HIGH);
        assertThat(options.list("list", Pattern.compile("##"))).containsExactly("a", "b");
        assertThat(options.problems()).isEmpty();
    }

    @Test
    void aCollectingReaderKeepsEveryProblemWithKeyValueAndWhatItUses() {
        OptionReader options = OptionReader.collecting("x", Map.of("n", "0", "ms", "soon", "iso", "30 days",
                "flag", "yes", "mode", "maybe", "level", "severe", "speed", "-3", "odds", "Infinity"));

        assertThat(options.integer("n", 5, 1)).isEqualTo(5);
        assertThat(options.optionalInteger("n", 1)).isEmpty();
        assertThat(options.duration("ms", 200, ChronoUnit.MILLIS, 1)).isEqualTo(Duration.ofMillis(200));
        assertThat(options.isoDuration("iso", "P30D")).isEqualTo(Duration.ofDays(30));
        assertThat(options.bool("flag", false)).isFalse();
        assertThat(options.choice("mode", "no-evidence", "no-evidence", "unavailable")).isEqualTo("no-evidence");
        assertThat(options.enumValue("level", RiskLevel.MEDIUM, RiskLevel.class)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(options.positiveDecimal("speed", 1000.0)).isEqualTo(1000.0);
        assertThat(options.logOdds("odds", 2.0)).isEqualTo(2.0);
        assertThat(options.problems()).containsExactly(
                "option n='0' is invalid (expected a whole number of at least 1); using the default '5'",
                "option n='0' is invalid (expected a whole number of at least 1); ignored",
                "option ms='soon' is invalid (expected a whole number of at least 1); using the default '200'",
                "option iso='30 days' is invalid (expected a positive ISO-8601 duration such as P30D); using the default 'P30D'",
                "option flag='yes' is invalid (expected true or false); using the default 'false'",
                "option mode='maybe' is invalid (expected one of no-evidence, unavailable); using the default 'no-evidence'",
                "option level='severe' is invalid (expected one of LOW, MEDIUM, HIGH); using the default 'MEDIUM'",
                "option speed='-3' is invalid (expected a positive number); using the default '1000.0'",
                "option odds='Infinity' is invalid (expected a finite number); using the default '2.0'");
    }

    @Test
    void aLoggingReaderKeepsNothingAndANullMapReadsAsUnset() {
        OptionReader logging = new OptionReader("x", MapScope.of("n", "zero"));
        assertThat(logging.integer("n", 5, 1)).isEqualTo(5);
        assertThat(logging.problems()).isEmpty();
        assertThat(logging.collect("unusable")).as("the caller logs it in its own words").isFalse();

        OptionReader none = OptionReader.collecting("x", (Map<String, String>) null);
        assertThat(none.string("any", "d")).isEqualTo("d");
        assertThat(none.collect("unusable")).isTrue();
        assertThat(none.problems()).isEqualTo(List.of("unusable"));
    }
}
