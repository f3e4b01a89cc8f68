package io.zerotrust.keycloak.authn.factor;

import java.util.Collection;
import java.util.Set;

import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The one definition of "a second factor was verified in this sign-in", for the trust step and the assessment's
 * verdict. Positive evidence only: the credential types that steps of this authentication session validated, as
 * Keycloak records them (a step adds its type when, and only when, it checked a credential: the OTP forms on a
 * valid code, zt-otp-form and the factors zt-adaptive-mfa delegates to included, WebAuthn on a verified assertion,
 * recovery codes on a valid code). A step that succeeds without checking adds nothing: Keycloak's "Conditional OTP
 * Form" when it skips the code, a set-up still to come, a condition. A restarted flow starts with no record.
 */
public final class VerifiedFactor {

    /** Credential types that are second factors. */
    public static final Set<String> SECOND_FACTOR_TYPES = Set.of(OTPCredentialModel.TYPE, WebAuthnCredentialModel.TYPE_TWOFACTOR,
            WebAuthnCredentialModel.TYPE_PASSWORDLESS, RecoveryAuthnCodesCredentialModel.TYPE);

    private VerifiedFactor() {
    }

    /** Whether a step of this sign-in verified a second factor of the user. */
    public static boolean inThisSignIn(AuthenticationSessionModel authSession) {
        return authSession != null && anySecondFactor(AuthenticatorUtil.getAuthnCredentials(authSession));
    }

    /** Whether these verified credential types include a second factor. */
    static boolean anySecondFactor(Collection<String> verifiedTypes) {
        return verifiedTypes != null && verifiedTypes.stream().anyMatch(SECOND_FACTOR_TYPES::contains);
    }
}
