package io.zerotrust.keycloak.risk.tuning;

import java.util.List;

import io.zerotrust.keycloak.risk.geo.GeoEvaluatorFactory;
import io.zerotrust.keycloak.risk.posture.PostureEvaluatorFactory;
import io.zerotrust.keycloak.risk.spi.MapScope;
import io.zerotrust.keycloak.risk.spi.RiskEvaluatorProviderFactory;
import io.zerotrust.keycloak.risk.time.TimeEvaluatorFactory;
import io.zerotrust.keycloak.risk.velocity.LoginFailuresEvaluatorFactory;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;
import org.keycloak.provider.ProviderConfigProperty;

import static org.assertj.core.api.Assertions.assertThat;

class ZeroTrustPageFactoryTest {

    private static List<RiskEvaluatorProviderFactory> evaluators() {
        List<RiskEvaluatorProviderFactory> factories = List.of(new GeoEvaluatorFactory(), new TimeEvaluatorFactory(),
                new LoginFailuresEvaluatorFactory(), new PostureEvaluatorFactory());
        factories.forEach(factory -> factory.init(MapScope.of()));
        return factories;
    }

    private static ComponentModel settings(String... keysAndValues) {
        ComponentModel model = new ComponentModel();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            model.getConfig().add(keysAndValues[i], keysAndValues[i + 1]);
        }
        return model;
    }

    @Test
    void goodValuesPass() {
        ComponentModel model = settings("name", "Tenant A", "geo--deny-countries", "KP", "time--access-windows",
                "Mon-Fri 07:00-19:00 Europe/Berlin", "login-failures--window-minutes", "10", "disabled-evaluators", "geo",
                // the admin console adds its route parameters to what it saves
                "realm", "tenant-a", "providerId", "Zero Trust");
        model.getConfig().add("geo--deny-countries", "IR");

        assertThat(ZeroTrustPageFactory.problems(model, evaluators())).isEmpty();
        assertThat(RealmTuning.overrides(model, "geo")).containsEntry("deny-countries", "KP,IR");
    }

    @Test
    void badValuesAreRefusedByTheEvaluatorsOwnParserNamingEvaluatorAndKey() {
        ComponentModel model = settings("geo--new-country-log-odds", "lots", "time--access-windows", "Mon 25:00-26:00 Mars/Base",
                "login-failures--window-minutes", "0", "device-posture--public-key", "not a key");

        List<String> problems = ZeroTrustPageFactory.problems(model, evaluators());

        assertThat(problems).hasSize(4);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("geo: option new-country-log-odds='lots' is invalid (expected a finite number)")
                .doesNotContain("using"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("time: option access-windows="));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("login-failures: option window-minutes='0'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("device-posture: public-key is unreadable"));
    }

    @Test
    void unknownEvaluatorsAndOptionsAndServerOnlyOptionsAreRefused() {
        ComponentModel model = settings("nosuch--log-odds", "1", "geo--no-such-key", "1",
                "device-posture--jwks-file", "/etc/passwd", "disabled-evaluators", "nosuch");

        assertThat(ZeroTrustPageFactory.problems(model, evaluators())).containsExactlyInAnyOrder(
                "disabled-evaluators: no evaluator 'nosuch' is installed",
                "nosuch--log-odds: no evaluator 'nosuch' is installed",
                "geo--no-such-key: geo has no option 'no-such-key' a realm may set",
                "device-posture--jwks-file: device-posture has no option 'jwks-file' a realm may set");
    }

    @Test
    void blankFieldsAreNotOverrides() {
        ComponentModel model = settings("geo--deny-countries", "", "login-failures--window-minutes", "  ");

        assertThat(RealmTuning.overrides(model, "geo")).isEmpty();
        assertThat(RealmTuning.overrides(model, "login-failures")).isEmpty();
        assertThat(ZeroTrustPageFactory.problems(model, evaluators())).isEmpty();
    }

    @Test
    void pageFieldsCarryNoDefaultSoAnUntouchedFieldKeepsTheServerOption() {
        ProviderConfigProperty field = ZeroTrustPageFactory.pageProperty("geo", new GeoEvaluatorFactory().realmOptions().stream()
                .filter(p -> p.getName().equals("internal-addresses")).findFirst().orElseThrow());

        assertThat(field.getName()).isEqualTo("geo--internal-addresses");
        assertThat(field.getDefaultValue()).isNull();
        assertThat(field.getOptions()).containsExactly("", "no-evidence", "unavailable");
        assertThat(field.getHelpText()).contains("Built-in default: no-evidence",
                "--spi-zt-risk-evaluator--geo--internal-addresses");
    }

    @Test
    void countrySettingsOfferTheCountryCodes() {
        ProviderConfigProperty deny = new GeoEvaluatorFactory().realmOptions().stream()
                .filter(p -> p.getName().equals("deny-countries")).findFirst().orElseThrow();

        assertThat(deny.getType()).isEqualTo(ProviderConfigProperty.MULTIVALUED_LIST_TYPE);
        assertThat(deny.getOptions()).contains("KP", "DE", "US");
    }

    @Test
    void refusalsSurviveKeycloaksMessageFormat() {
        String text = "geo: deny-countries: 'Iran' is not {an} ISO code";

        assertThat(java.text.MessageFormat.format(MessageText.escape(text), new Object[0])).isEqualTo(text);
    }
}
