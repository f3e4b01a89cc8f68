package io.zerotrust.keycloak.authn.mfa;

import java.util.List;

import io.zerotrust.keycloak.authn.FlowStepFactory;
import io.zerotrust.keycloak.authn.factor.EnrolmentLimit;
import io.zerotrust.keycloak.authn.report.ReportOnly;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Declares {@code zt-adaptive-mfa}: one step that asks for the second factor the risk calls for. */
public class AdaptiveMfaAuthenticatorFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "zt-adaptive-mfa";

    /** true: refuse every HIGH-risk sign-in. */
    public static final String CONFIG_DENY_AT_HIGH = "denyAtHigh";
    /** true: at HIGH accept only WebAuthn; users without it are refused. */
    public static final String CONFIG_PHISHING_RESISTANT_AT_HIGH = "phishingResistantAtHigh";
    /** LOW (default), MEDIUM, HIGH or NONE: the highest risk at which a user without a second factor may enrol one. */
    public static final String CONFIG_ENROL_UP_TO = EnrolmentLimit.CONFIG_KEY;


    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Zero Trust: adaptive second factor";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public String getHelpText() {
        return "Asks for the second factor the risk calls for, among those the user has: none at LOW, the user's preferred one at MEDIUM,"
                + " the strongest (WebAuthn before OTP) at HIGH. A user without one sets up OTP when the risk allows it. Needs"
                + " zt-risk-assessment earlier in the flow.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(CONFIG_DENY_AT_HIGH).label("Deny at HIGH")
                .helpText("Refuse every HIGH-risk sign-in (with a support reference) instead of asking for the strongest factor.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
                .property().name(CONFIG_PHISHING_RESISTANT_AT_HIGH).label("Only WebAuthn at HIGH")
                .helpText("At HIGH risk accept only a phishing-resistant factor (WebAuthn); users who have only OTP are refused.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
                .property(EnrolmentLimit.configProperty())
                .property(ReportOnly.configProperty())
                .build();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new AdaptiveMfaAuthenticator();
    }

}
