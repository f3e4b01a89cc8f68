package io.zerotrust.keycloak.authn.mfa;

import java.util.List;

import io.zerotrust.keycloak.risk.engine.RiskLevel;

/**
 * Chooses the second factor by risk. LOW needs none; MEDIUM takes the user's preferred factor; HIGH takes the
 * strongest the user has (WebAuthn before OTP), or is refused when so configured. The factor at a higher level is
 * therefore never weaker than at a lower one. A user without any factor enrols one (OTP) while the risk is at
 * most {@code enrolUpTo}; above that, enrolling would hand the account to whoever holds the password, so the
 * sign-in is refused. A user marked by a finding or a leaked password (a step-up mark) is treated as at least
 * MEDIUM and gets the strongest factor they have: whoever triggered the mark may hold the password and the
 * user's preferred, weaker factor.
 *
 * @param denyAtHigh                 refuse every HIGH-risk sign-in
 * @param phishingResistantAtHigh    at HIGH, accept only WebAuthn; a user without it is refused
 * @param enrolUpTo                  highest level at which a user without a factor may enrol one; null: never
 */
public record FactorPolicy(boolean denyAtHigh, boolean phishingResistantAtHigh, RiskLevel enrolUpTo) {

    /**
     * @param risk      the assessed level
     * @param available the user's factors, in the user's order of preference (Keycloak's credential order)
     */
    public FactorDecision decide(RiskLevel risk, List<Factor> available) {
        return decide(risk, available, false);
    }

    /**
     * @param marked the assessment found an active step-up mark on the user
     */
    public FactorDecision decide(RiskLevel risk, List<Factor> available, boolean marked) {
        if (marked) {
            risk = RiskLevel.max(risk, RiskLevel.MEDIUM);
        }
        if (risk == RiskLevel.LOW) {
            return FactorDecision.pass();
        }
        if (risk == RiskLevel.HIGH && denyAtHigh) {
            return FactorDecision.deny();
        }
        if (available.isEmpty()) {
            return enrolUpTo != null && risk.compareTo(enrolUpTo) <= 0 ? FactorDecision.enrol(Factor.OTP) : FactorDecision.deny();
        }
        if (risk == RiskLevel.HIGH || marked) {
            Factor strongest = available.stream().max(Enum::compareTo).orElseThrow();
            if (risk == RiskLevel.HIGH && phishingResistantAtHigh && strongest != Factor.WEBAUTHN) {
                return FactorDecision.deny();
            }
            return FactorDecision.challenge(strongest);
        }
        return FactorDecision.challenge(available.get(0));
    }
}
