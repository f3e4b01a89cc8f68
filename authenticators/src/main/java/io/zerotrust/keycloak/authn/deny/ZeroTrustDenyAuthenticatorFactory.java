package io.zerotrust.keycloak.authn.deny;

import java.util.List;

import io.zerotrust.keycloak.authn.FlowStepFactory;
import io.zerotrust.keycloak.authn.report.ReportOnly;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Declares {@code zt-deny}: refuse the sign-in, showing the user a support reference. */
public class ZeroTrustDenyAuthenticatorFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "zt-deny";

    /** What to do when the refused sign-in had a verified password: {@value #MARK} or {@value #REPORT}. */
    public static final String CONFIG_ON_VERIFIED_PASSWORD = "onVerifiedPassword";
    /** How long the step-up mark of a verified password lasts, ISO-8601 (default {@value #DEFAULT_MARK_DURATION}). */
    public static final String CONFIG_MARK_DURATION = "markDuration";
    public static final String MARK = "mark";
    public static final String REPORT = "report";
    public static final String DEFAULT_MARK_DURATION = "P7D";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Zero Trust: deny with support reference";
    }

    @Override
    public String getReferenceCategory() {
        return "zt-deny";
    }

    @Override
    public String getHelpText() {
        return "Refuses the sign-in. The user sees a plain explanation and a support reference; the reference, risk level"
                + " and reasons are recorded in the LOGIN_ERROR event (detail zt_reference). Put it behind a condition."
                + " A refusal after the user's password was verified is also evidence of a leaked password"
                + " (detail zt_password_verified): the user is marked for a step-up and must change the password.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(CONFIG_ON_VERIFIED_PASSWORD).label("On a verified password")
                .helpText(MARK + ": when the password was verified before this refusal, mark the user so the next sign-in"
                        + " steps up to the strongest factor and then asks for a new password (UPDATE_PASSWORD). "
                        + REPORT + ": only report it in the event.")
                .type(ProviderConfigProperty.LIST_TYPE).options(MARK, REPORT).defaultValue(MARK).add()
                .property().name(CONFIG_MARK_DURATION).label("Mark duration")
                .helpText("How long the step-up mark lasts, ISO-8601, e.g. P7D.")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_MARK_DURATION).add()
                .property(ReportOnly.configProperty())
                .build();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new ZeroTrustDenyAuthenticator();
    }

}
