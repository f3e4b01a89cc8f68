package io.zerotrust.keycloak.events;

import java.util.Set;

/**
 * The audit records of just-in-time access and segregation of duties: their {@link SecurityEvent} types and detail
 * keys, written by the privileged-access module and exported as OCSF by {@code zt-events}. The event's user is the
 * user whose access changed; {@link #ACTOR_ID} / {@link #ACTOR} who did it.
 */
public final class PrivilegedAccessEvents {

    /** A user asked to activate an eligible role (pending approval, or activated at once: see {@link #ACTIVATED}). */
    public static final String REQUESTED = "ZT_ROLE_REQUESTED";
    /** An approver approved a pending request. */
    public static final String APPROVED = "ZT_ROLE_APPROVED";
    /** A request was refused: by an approver, or by the pack ({@link #REASON}: conflict, risk, ...). */
    public static final String REFUSED = "ZT_ROLE_REFUSED";
    /** The role became active: it is in the user's tokens until {@link #EXPIRES_AT}. */
    public static final String ACTIVATED = "ZT_ROLE_ACTIVATED";
    /** The activation reached its end time: the role is gone. */
    public static final String EXPIRED = "ZT_ROLE_EXPIRED";
    /** The user or an admin ended the activation before its end time. */
    public static final String ENDED = "ZT_ROLE_ENDED";
    /** A user holds, or an admin's change would give them, roles that a conflict rule keeps apart. */
    public static final String CONFLICT = "ZT_DUTY_CONFLICT";

    public static final Set<String> TYPES = Set.of(REQUESTED, APPROVED, REFUSED, ACTIVATED, EXPIRED, ENDED, CONFLICT);

    /** The role: a realm role's name, or {@code <clientId>.<role>} for a client role (Keycloak's role reference). */
    public static final String ROLE = "role";
    public static final String REQUEST_ID = "request_id";
    public static final String JUSTIFICATION = "justification";
    /** The activation's length in minutes. */
    public static final String MINUTES = "minutes";
    /** Epoch millis at which an active role ends. */
    public static final String EXPIRES_AT = "expires_at";
    public static final String APPROVER_ID = "approver_id";
    public static final String APPROVER = "approver";
    public static final String ACTOR_ID = "actor_id";
    public static final String ACTOR = "actor";
    /** Why a request was refused or ended: {@code approver}, {@code conflict}, {@code risk}, {@code admin}, ... */
    public static final String REASON = "reason";
    /** A human note: the approver's reason for refusing, the conflict's description. */
    public static final String NOTE = "note";
    /** The conflict rule's name. */
    public static final String RULE = "rule";
    /** The roles of the rule the user holds, comma-separated. */
    public static final String CONFLICTING_ROLES = "conflicting_roles";
    /** On a {@link #CONFLICT}: whether the admin change was reverted ({@code true}) or only reported. */
    public static final String REVERTED = "reverted";

    private PrivilegedAccessEvents() {
    }
}
