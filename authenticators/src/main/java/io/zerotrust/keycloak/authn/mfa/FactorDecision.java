package io.zerotrust.keycloak.authn.mfa;

/**
 * What zt-adaptive-mfa does with one sign-in.
 *
 * @param action what to do
 * @param factor the factor to ask for or enrol; null for {@link Action#PASS} and {@link Action#DENY}
 */
public record FactorDecision(Action action, Factor factor) {

    public enum Action {
        /** No second factor needed at this risk. */
        PASS,
        /** Ask for this factor, which the user has. */
        CHALLENGE,
        /** The user has no factor: have them set this one up before the sign-in completes. */
        ENROL,
        /** Refuse the sign-in. */
        DENY
    }

    static FactorDecision pass() {
        return new FactorDecision(Action.PASS, null);
    }

    static FactorDecision challenge(Factor factor) {
        return new FactorDecision(Action.CHALLENGE, factor);
    }

    static FactorDecision enrol(Factor factor) {
        return new FactorDecision(Action.ENROL, factor);
    }

    static FactorDecision deny() {
        return new FactorDecision(Action.DENY, null);
    }
}
