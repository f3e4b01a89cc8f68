package io.zerotrust.keycloak.risk.spi;

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
}
