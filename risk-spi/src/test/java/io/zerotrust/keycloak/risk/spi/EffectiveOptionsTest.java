package io.zerotrust.keycloak.risk.spi;

import java.util.Map;

import io.zerotrust.keycloak.risk.posture.PostureEvaluatorFactory;
import io.zerotrust.keycloak.risk.travel.ImpossibleTravelEvaluatorFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EffectiveOptionsTest {

    @Test
    void aRealmValueWinsOverTheServersWhichWinsOverTheDefault() {
        Map<String, EffectiveOptions.Option> options = EffectiveOptions.of(new ImpossibleTravelEvaluatorFactory(),
                Map.of("log-odds", "3.5"), key -> "max-speed-kmh".equals(key) ? "800" : null);

        assertThat(options.get("log-odds")).isEqualTo(new EffectiveOptions.Option("3.5", "realm"));
        assertThat(options.get("max-speed-kmh")).isEqualTo(new EffectiveOptions.Option("800", "server"));

        Map<String, EffectiveOptions.Option> defaults = EffectiveOptions.of(new ImpossibleTravelEvaluatorFactory(), Map.of(), key -> null);
        assertThat(defaults.get("max-speed-kmh")).isEqualTo(new EffectiveOptions.Option("1000.0", "default"));
    }

    @Test
    void aRealmValueOfAServerOnlyOptionIsNotShownAsInEffect() {
        Map<String, EffectiveOptions.Option> options = EffectiveOptions.of(new PostureEvaluatorFactory(),
                Map.of("jwks-file", "/etc/passwd"), key -> null);

        assertThat(options.get("jwks-file").source()).isNotEqualTo("realm");
        assertThat(options.get("jwks-file").value()).isNotEqualTo("/etc/passwd");
    }
}
