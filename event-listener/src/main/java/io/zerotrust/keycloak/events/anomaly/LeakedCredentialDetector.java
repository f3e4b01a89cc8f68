package io.zerotrust.keycloak.events.anomaly;

import java.util.List;
import java.util.function.Consumer;

/**
 * A leaked credential: the user's correct password was used in a sign-in the pack refused (a LOGIN_ERROR with
 * {@code zt_password_verified=true}, from {@code zt-deny} after the password). Whoever tried it knew the password
 * and signed in from a context the pack would not accept, so the finding is about the user and HIGH. A user is
 * reported again only once the {@code login-failures} window has passed since the last report (remembered in the
 * {@link ScorerMemory}), so an attacker retrying does not flood the SOC.
 */
final class LeakedCredentialDetector {

    static final int SCORE = 90;
    static final String REASON = "PASSWORD_VERIFIED_THEN_REFUSED";

    private final ScorerMemory memory;

    LeakedCredentialDetector(ScorerMemory memory) {
        this.memory = memory;
    }

    void refused(AuthObservation refusal, Findings findings, Consumer<AnomalyFinding> out) {
        if (refusal.userId() == null) {
            return;
        }
        long windowMillis = memory.failureSettings(refusal.realmId()).failureWindow().length().toMillis();
        String subject = "user:" + refusal.userId();
        ScorerMemory.Reported last = memory.reported(refusal.realmId(), subject);
        if (last != null && refusal.time() - last.time() < windowMillis) {
            return;
        }
        memory.report(refusal.realmId(), subject, refusal.time(), 1);
        String from = refusal.ip() == null ? "an unknown address" : refusal.ip()
                + (refusal.network() == null ? "" : " (" + refusal.network() + (refusal.country() == null ? "" : ", " + refusal.country()) + ")");
        out.accept(findings.create(refusal, FindingKind.LEAKED_CREDENTIAL, SCORE, false, List.of(new FindingReason(REASON,
                "The account's correct password was used from " + from + " in a sign-in that was refused"))));
    }
}
