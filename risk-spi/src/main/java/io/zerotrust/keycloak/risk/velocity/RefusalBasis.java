package io.zerotrust.keycloak.risk.velocity;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.zerotrust.keycloak.risk.spi.RiskNotes;

/**
 * What a refusal after a verified password rested on ({@value RiskNotes#EVENT_REFUSAL_BASIS}). Every such refusal is
 * a credential failure ({@link CredentialFailure}); only one resting on the sign-in's own context is evidence that
 * someone else holds the password and may mark the user or end their sessions. Evidence a stranger can produce for
 * everyone behind an address, or the want of a factor to ask for, says nothing about who typed the password.
 */
public enum RefusalBasis {
    /** The sign-in's own context (impossible travel, a new country from Tor, ...): evidence of a leaked password. */
    RISK,
    /** Failures of others from the same address or network: shared, so never held against the user. */
    SOURCE,
    /** A MEDIUM sign-in of a user with no factor to ask for, who may not enrol one at that risk. */
    ENROLMENT;

    /** Reason codes about a source, which anyone sharing it (a NAT, an ISP) produces for everyone behind it. */
    static final Set<String> SOURCE_CODES = Set.of(LoginFailuresEvaluator.SPRAY_IP, LoginFailuresEvaluator.STUFFING_IP,
            LoginFailuresEvaluator.STUFFING_NETWORK);

    /**
     * @param reasons   the refused sign-in's comma-separated reason codes, may be null
     * @param enrolment the refusal was for want of a factor
     * @param medium    the sign-in was MEDIUM (at HIGH the risk itself would have refused it)
     */
    public static RefusalBasis of(String reasons, boolean enrolment, boolean medium) {
        if (RiskNotes.codes(reasons).stream().anyMatch(SOURCE_CODES::contains)) {
            return SOURCE;
        }
        return enrolment && medium ? ENROLMENT : RISK;
    }

    public String eventValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a refused sign-in's event details are evidence of a leaked password; events before the basis existed count. */
    public static boolean isLeakEvidence(Map<String, String> details) {
        if (details == null || !"true".equals(details.get(RiskNotes.EVENT_PASSWORD_VERIFIED))) {
            return false;
        }
        String basis = details.get(RiskNotes.EVENT_REFUSAL_BASIS);
        return basis == null || RISK.eventValue().equals(basis);
    }
}
