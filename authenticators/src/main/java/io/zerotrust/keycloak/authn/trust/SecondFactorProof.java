package io.zerotrust.keycloak.authn.trust;

import java.util.Map;
import java.util.Set;

import io.zerotrust.keycloak.authn.mfa.AdaptiveMfaAuthenticator;
import io.zerotrust.keycloak.authn.mfa.AdaptiveMfaAuthenticatorFactory;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.CommonClientSessionModel.ExecutionStatus;

/**
 * Whether the user proved a second factor in this sign-in, before the trust step and in its sub-flow: a step
 * that checks such a credential (OTP, WebAuthn, recovery codes) succeeded there, or zt-adaptive-mfa did after
 * asking for one. A step skipped because the user still has to set the factor up does not count.
 */
final class SecondFactorProof {

    /** Credential types (Keycloak's reference categories) of second factors. */
    static final Set<String> SECOND_FACTOR_CATEGORIES = Set.of("otp", "webauthn", "webauthn-passwordless", "recovery-authn-code");

    private SecondFactorProof() {
    }

    static boolean provenBefore(AuthenticationFlowContext context) {
        AuthenticationExecutionModel self = context.getExecution();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        Map<String, ExecutionStatus> statuses = authSession.getExecutionStatus();
        return context.getRealm().getAuthenticationExecutionsStream(self.getParentFlow())
                .filter(e -> e.getPriority() < self.getPriority() && !e.isAuthenticatorFlow())
                .filter(e -> statuses.get(e.getId()) == ExecutionStatus.SUCCESS)
                .anyMatch(e -> provesSecondFactor(context, e.getAuthenticator(), authSession));
    }

    private static boolean provesSecondFactor(AuthenticationFlowContext context, String providerId, AuthenticationSessionModel authSession) {
        if (AdaptiveMfaAuthenticatorFactory.PROVIDER_ID.equals(providerId)) {
            return authSession.getAuthNote(AdaptiveMfaAuthenticator.NOTE_FACTOR) != null;
        }
        AuthenticatorFactory factory = (AuthenticatorFactory) context.getSession().getKeycloakSessionFactory()
                .getProviderFactory(Authenticator.class, providerId);
        return factory != null && SECOND_FACTOR_CATEGORIES.contains(factory.getReferenceCategory());
    }
}
