package io.zerotrust.keycloak.authn.flow;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.keycloak.util.JsonSerialization;

import static org.assertj.core.api.Assertions.assertThat;

class NonInteractiveFlowTest {

    @Test
    void theTokenEndpointsFlowPathCannotShowFormsWhateverTheFlow() {
        assertThat(NonInteractiveFlow.cannotShowForms("token", () -> false)).isTrue();
    }

    @Test
    void keycloaksPageFlowsShowFormsEvenWhenTheirFlowIsAlsoBoundAsDirectGrant() {
        for (String path : new String[] {"authenticate", "registration", "reset-credentials", "first-broker-login", "post-broker-login"}) {
            assertThat(NonInteractiveFlow.cannotShowForms(path, () -> true)).as(path).isFalse();
        }
    }

    @Test
    void anUnknownFlowPathIsFormlessOnlyWhenItRunsTheDirectGrantFlow() {
        assertThat(NonInteractiveFlow.cannotShowForms("custom-endpoint", () -> true)).isTrue();
        assertThat(NonInteractiveFlow.cannotShowForms("custom-endpoint", () -> false)).isFalse();
        assertThat(NonInteractiveFlow.cannotShowForms(null, () -> true)).isTrue();
        assertThat(NonInteractiveFlow.cannotShowForms(null, () -> false)).isFalse();
    }

    @Test
    void theFlowBindingIsLookedUpOnlyWhenThePathDoesNotDecide() {
        AtomicBoolean asked = new AtomicBoolean();
        NonInteractiveFlow.cannotShowForms("token", () -> asked.getAndSet(true));
        NonInteractiveFlow.cannotShowForms("authenticate", () -> asked.getAndSet(true));
        assertThat(asked).isFalse();
    }

    @Test
    void errorBodyIsTheOAuthShape() throws Exception {
        String json = JsonSerialization.writeValueAsString(NonInteractiveFlow.body("interaction_required", "Use the browser."));
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = JsonSerialization.readValue(json, Map.class);
        assertThat(parsed).containsExactlyInAnyOrderEntriesOf(Map.of("error", "interaction_required", "error_description", "Use the browser."));
    }

    @Test
    void refusalDescriptionGivesTheReferenceAndNothingInternal() {
        String description = NonInteractiveFlow.accessDeniedDescription("K7Q2M-XR9TD");
        assertThat(description).contains("K7Q2M-XR9TD").doesNotContainIgnoringCase("risk")
                .doesNotContainIgnoringCase("score").doesNotContain("HIGH").doesNotContainIgnoringCase("tor");
    }

    @Test
    void secondFactorDescriptionPointsToTheBrowser() {
        assertThat(NonInteractiveFlow.SECOND_FACTOR_REQUIRED).contains("second factor").contains("browser");
    }
}
