package io.zerotrust.keycloak.access.jit;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.zerotrust.keycloak.access.AccessAudit;
import io.zerotrust.keycloak.access.sod.Conflict;
import io.zerotrust.keycloak.access.sod.Conflicts;
import io.zerotrust.keycloak.events.PrivilegedAccessEvents;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * The life of a request: asked, approved or refused, active, ended or expired. Every change is made under the
 * request's row lock in the caller's transaction, with its audit record in the same transaction.
 */
final class Activations {

    static final int MAX_JUSTIFICATION = 2000;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AccessRequests requests;
    private final AccessAudit audit;

    Activations(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.requests = new AccessRequests(session);
        this.audit = new AccessAudit(session, realm);
    }

    /** Checks a user's request before any proof is asked for; returns the eligibility and its role. */
    Eligibility eligibility(UserModel user, String eligibilityId) throws AccessRefusal {
        Eligibility eligibility = Eligibility.of(realm).filter(e -> e.id().equals(eligibilityId)).findFirst()
                .orElseThrow(() -> new AccessRefusal(403, "not_eligible", "There is no such eligible role."));
        if (!eligibility.appliesTo(session, realm, user)) {
            throw new AccessRefusal(403, "not_eligible", "You are not eligible for " + eligibility.role() + ".");
        }
        return eligibility;
    }

    /** What the request's sign-in must prove ({@link ActivationProof}), checked once the request itself is sound. */
    interface Proof {
        void check() throws AccessRefusal;
    }

    AccessRequestEntity request(UserModel user, Eligibility eligibility, String justification, Integer minutes,
                                Proof proof) throws AccessRefusal {
        RoleModel role = eligibility.resolveRole(realm);
        if (role == null) {
            throw new AccessRefusal(400, "invalid_request", "The role " + eligibility.role() + " no longer exists.");
        }
        if (minutes == null || minutes < 1 || minutes > eligibility.maxMinutes()) {
            throw new AccessRefusal(400, "invalid_request", "Choose a duration from 1 to " + eligibility.maxMinutes()
                    + " minutes.");
        }
        String why = justification == null ? "" : justification.strip();
        if (eligibility.justificationRequired() && why.isEmpty()) {
            throw new AccessRefusal(400, "invalid_request", "Say why you need " + eligibility.role() + ".");
        }
        if (why.length() > MAX_JUSTIFICATION) {
            throw new AccessRefusal(400, "invalid_request", "The justification is longer than " + MAX_JUSTIFICATION
                    + " characters.");
        }
        if (user.hasRole(role) || requests.open(realm.getId(), user.getId(), role.getId())) {
            throw new AccessRefusal(409, "already_active", "You already hold or have asked for "
                    + eligibility.role() + ".");
        }
        long now = System.currentTimeMillis();
        AccessRequestEntity request = new AccessRequestEntity();
        request.id = UUID.randomUUID().toString();
        request.realmId = realm.getId();
        request.userId = user.getId();
        request.eligibilityId = eligibility.id();
        request.roleId = role.getId();
        request.roleName = eligibility.role();
        request.justification = why.isEmpty() ? null : why;
        request.minutes = minutes;
        request.requestedAt = now;
        try {
            proof.check();
        } catch (AccessRefusal refusal) {
            if (!ActivationProof.STEP_UP_REQUIRED.equals(refusal.code)) {
                refuseAtOnce(request, user, "risk", refusal.getMessage());
            }
            throw refusal;
        }
        Optional<Conflict> conflict = new Conflicts(realm).onAdding(user, role);
        if (conflict.isPresent()) {
            refuseAtOnce(request, user, "conflict", conflict.get().message());
            throw new AccessRefusal(409, "conflict", conflict.get().message(),
                    Map.of("rule", conflict.get().rule().name()));
        }
        request.state = eligibility.approvalRequired() ? RequestState.PENDING.name() : RequestState.ACTIVE.name();
        requests.add(request);
        audit.record(PrivilegedAccessEvents.REQUESTED, user, user, details(request));
        if (!eligibility.approvalRequired()) {
            activate(request, user, role, now, null);
        }
        return request;
    }

    /** A refusal of the pack's own (a conflict, a risky sign-in), on the record like an approver's. */
    private void refuseAtOnce(AccessRequestEntity request, UserModel user, String reason, String note) {
        request.decidedAt = request.requestedAt;
        refuse(request, user, null, reason, note);
        requests.add(request); // once its state is set: the row's STATE is NOT NULL
    }

    /** Refuses the request and records why: {@code reason} a code (approver, conflict, risk), {@code note} the text. */
    private void refuse(AccessRequestEntity request, UserModel user, UserModel actor, String reason, String note) {
        request.state = RequestState.REFUSED.name();
        request.reason = note;
        Map<String, String> details = details(request);
        details.put(PrivilegedAccessEvents.REASON, reason);
        details.put(PrivilegedAccessEvents.NOTE, note);
        audit.record(PrivilegedAccessEvents.REFUSED, user, actor, details);
    }

    AccessRequestEntity decide(UserModel approver, String id, boolean approve, String reason) throws AccessRefusal {
        AccessRequestEntity request = requests.lock(realm.getId(), id)
                .orElseThrow(() -> new AccessRefusal(404, "not_found", "There is no such request."));
        if (request.userId.equals(approver.getId())) {
            throw new AccessRefusal(403, "self_approval", "You cannot decide on your own request.");
        }
        Eligibility eligibility = Eligibility.of(realm).filter(e -> e.id().equals(request.eligibilityId)).findFirst()
                .orElse(null);
        RoleModel approverRole = eligibility == null ? null : eligibility.resolveApproverRole(realm);
        if (approverRole == null || !approver.hasRole(approverRole)) {
            throw new AccessRefusal(403, "not_approver", "You do not approve requests for " + request.roleName + ".");
        }
        if (!RequestState.PENDING.name().equals(request.state)) {
            throw new AccessRefusal(409, "not_pending", "This request was already decided (" + request.state + ").");
        }
        UserModel user = session.users().getUserById(realm, request.userId);
        RoleModel role = realm.getRoleById(request.roleId);
        long now = System.currentTimeMillis();
        request.deciderId = approver.getId();
        request.decidedAt = now;
        if (!approve) {
            refuse(request, user, approver, "approver", reason == null || reason.isBlank() ? null : reason.strip());
            return request;
        }
        if (user == null || role == null) {
            throw new AccessRefusal(409, "not_pending", "The user or the role of this request no longer exists.");
        }
        Optional<Conflict> conflict = new Conflicts(realm).onAdding(user, role);
        if (conflict.isPresent()) {
            refuse(request, user, approver, "conflict", conflict.get().message());
            throw new AccessRefusal(409, "conflict", "Approving would break a conflict rule ("
                    + conflict.get().rule().name() + "); the request is refused.");
        }
        audit.record(PrivilegedAccessEvents.APPROVED, user, approver, details(request));
        activate(request, user, role, now, approver);
        return request;
    }

    private void activate(AccessRequestEntity request, UserModel user, RoleModel role, long now, UserModel approver) {
        request.state = RequestState.ACTIVE.name();
        request.activatedAt = now;
        request.expiresAt = now + request.minutes * 60_000L;
        request.granted = !user.hasDirectRole(role);
        if (request.granted) {
            user.grantRole(role);
        }
        audit.record(PrivilegedAccessEvents.ACTIVATED, user, approver == null ? user : approver, details(request));
    }

    /** Ends an active activation, or withdraws a pending request, before its time. */
    AccessRequestEntity end(UserModel by, String id, boolean asAdmin) throws AccessRefusal {
        AccessRequestEntity request = requests.lock(realm.getId(), id)
                .orElseThrow(() -> new AccessRefusal(404, "not_found", "There is no such request."));
        if (!asAdmin && !request.userId.equals(by.getId())) {
            throw new AccessRefusal(404, "not_found", "There is no such request.");
        }
        if (!RequestState.ACTIVE.name().equals(request.state) && !RequestState.PENDING.name().equals(request.state)) {
            throw new AccessRefusal(409, "not_active", "This request is not open any more (" + request.state + ").");
        }
        close(request, RequestState.ENDED, by);
        return request;
    }

    /** Expires the activation if it is still active and its time has come; true when this call did it. */
    boolean expire(String id, long now) {
        Optional<AccessRequestEntity> found = requests.lock(realm.getId(), id);
        if (found.isEmpty() || !RequestState.ACTIVE.name().equals(found.get().state) || found.get().expiresAt > now) {
            return false;
        }
        close(found.get(), RequestState.EXPIRED, null);
        return true;
    }

    private void close(AccessRequestEntity request, RequestState state, UserModel by) {
        boolean wasActive = RequestState.ACTIVE.name().equals(request.state);
        request.state = state.name();
        request.endedAt = System.currentTimeMillis();
        request.endedBy = by == null ? null : by.getId();
        UserModel user = session.users().getUserById(realm, request.userId);
        RoleModel role = realm.getRoleById(request.roleId);
        if (wasActive && request.granted && user != null && role != null && user.hasDirectRole(role)) {
            user.deleteRoleMapping(role);
        }
        if (user != null) {
            Map<String, String> details = details(request);
            if (!wasActive) {
                details.put(PrivilegedAccessEvents.REASON, "withdrawn");
            }
            audit.record(state == RequestState.EXPIRED ? PrivilegedAccessEvents.EXPIRED : PrivilegedAccessEvents.ENDED,
                    user, by, details);
        }
    }

    private Map<String, String> details(AccessRequestEntity request) {
        Map<String, String> details = new HashMap<>();
        details.put(PrivilegedAccessEvents.ROLE, request.roleName);
        details.put(PrivilegedAccessEvents.REQUEST_ID, request.id);
        details.put(PrivilegedAccessEvents.JUSTIFICATION, request.justification);
        details.put(PrivilegedAccessEvents.MINUTES, String.valueOf(request.minutes));
        if (request.expiresAt != null) {
            details.put(PrivilegedAccessEvents.EXPIRES_AT, String.valueOf(request.expiresAt));
        }
        if (request.deciderId != null) {
            UserModel approver = session.users().getUserById(realm, request.deciderId);
            details.put(PrivilegedAccessEvents.APPROVER_ID, request.deciderId);
            details.put(PrivilegedAccessEvents.APPROVER, approver == null ? null : approver.getUsername());
        }
        return details;
    }
}
