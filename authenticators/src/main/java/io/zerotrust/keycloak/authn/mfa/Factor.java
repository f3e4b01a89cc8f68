package io.zerotrust.keycloak.authn.mfa;

/**
 * A second factor zt-adaptive-mfa can ask for, weakest first: the order is the strength order, so a higher risk
 * never gets an earlier (weaker) factor than a lower one did.
 */
public enum Factor {
    /** A one-time code from an authenticator app (Keycloak credential type {@code otp}). */
    OTP("otp"),
    /** A security key or platform authenticator, phishing-resistant (Keycloak credential type {@code webauthn}). */
    WEBAUTHN("webauthn");

    private final String credentialType;

    Factor(String credentialType) {
        this.credentialType = credentialType;
    }

    public String credentialType() {
        return credentialType;
    }

    /** The factor a Keycloak credential type stands for, or null for one this step does not use. */
    public static Factor ofCredentialType(String type) {
        for (Factor factor : values()) {
            if (factor.credentialType.equals(type)) {
                return factor;
            }
        }
        return null;
    }
}
