package io.zerotrust.keycloak.risk.velocity;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.zerotrust.keycloak.risk.spi.RiskNotes;

/**
 * The one definition of a credential failure, what stuffing and spraying produce and what velocity counts: a
 * LOGIN_ERROR for a wrong secret or an unknown account, or for a correct password the pack refused (a leaked
 * credential tried from a refused context, detail {@value RiskNotes#EVENT_PASSWORD_VERIFIED}).
 */
public final class CredentialFailure {

    /** Keycloak's errors for a wrong secret or an unknown account. */
    static final Set<String> ERRORS = Set.of("invalid_user_credentials", "user_not_found", "invalid_user",
            "invalid_credentials", "invalid_user_credentials_or_otp");

    private CredentialFailure() {
    }

    /**
     * Whose failure it is: the user id, or for an unknown account {@code name:<username>} (lower case), so that
     * failures of names that do not exist still count as distinct accounts.
     */
    public static String userKey(String userId, String username) {
        if (userId != null) {
            return userId;
        }
        return username == null ? null : "name:" + username.toLowerCase(Locale.ROOT);
    }

    /** Where from, by network: the autonomous system number as digits, or null. */
    public static String network(Long asn) {
        return asn == null ? null : Long.toString(asn);
    }

    /**
     * @param eventType Keycloak's event type name, e.g. {@code LOGIN_ERROR}
     * @param error     the event's error, may be null
     * @param details   the event's details, may be null
     */
    public static boolean is(String eventType, String error, Map<String, String> details) {
        if (!"LOGIN_ERROR".equals(eventType)) {
            return false;
        }
        return (error != null && ERRORS.contains(error))
                || (details != null && "true".equals(details.get(RiskNotes.EVENT_PASSWORD_VERIFIED)));
    }
}
