package io.zerotrust.keycloak.authn.otp;

import java.util.List;

import io.zerotrust.keycloak.authn.FlowStepFactory;
import io.zerotrust.keycloak.authn.factor.EnrolmentLimit;
import io.zerotrust.keycloak.authn.report.ReportOnly;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Declares {@code zt-otp-form}, a drop-in for Keycloak's "OTP Form" ({@code auth-otp-form}) that also tells the
 * user why the code is asked. Same credential type and requirement choices, so "try another way" and the
 * "configure OTP" required action work as with Keycloak's; setting {@value #CONFIG_ENROL_UP_TO} limits who may enrol.
 */
public class RiskNoticeOtpFormAuthenticatorFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "zt-otp-form";
    /** LOW (default), MEDIUM, HIGH or NONE: the highest risk at which a user without OTP may set one up. */
    public static final String CONFIG_ENROL_UP_TO = EnrolmentLimit.CONFIG_KEY;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Zero Trust: OTP form with risk notice";
    }

    @Override
    public String getHelpText() {
        return "Validates an OTP like Keycloak's OTP Form and, above the code field, tells the user in plain language"
                + " which findings of 'Zero Trust: risk assessment' (earlier in the flow) made it ask. A user without OTP may set one up"
                + " only up to the risk set below; above it the sign-in is refused. Needs the zero-trust login theme.";
    }

    @Override
    public String getReferenceCategory() {
        return OTPCredentialModel.TYPE;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENT_CHOICES;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of(EnrolmentLimit.configProperty(), ReportOnly.configProperty());
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return RiskNoticeOtpFormAuthenticator.SINGLETON;
    }

}
