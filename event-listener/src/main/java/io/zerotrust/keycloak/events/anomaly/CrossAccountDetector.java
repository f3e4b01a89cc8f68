package io.zerotrust.keycloak.events.anomaly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import io.zerotrust.keycloak.risk.velocity.CrossAccountAttack;
import io.zerotrust.keycloak.risk.velocity.FailureCounts;
import io.zerotrust.keycloak.risk.velocity.FailureRecord;
import io.zerotrust.keycloak.risk.velocity.FailureWindow;
import io.zerotrust.keycloak.risk.velocity.LoginFailuresSettings;

/**
 * Attacks across accounts: at each credential failure, the failures from its address and network within the
 * {@code login-failures} window, counted and judged exactly as that evaluator does at sign-in
 * ({@link FailureWindow}, {@link CrossAccountAttack}, the realm's thresholds), over the same records in Keycloak's
 * database. So the finding a SOC sees and the step-up a sign-in meets rest on one count, cluster-wide.
 *
 * <p>A source is reported again only when its number of accounts has doubled or a window has passed since its
 * last report (remembered in the {@link ScorerMemory}, so that a node taking over does not report it anew).
 */
final class CrossAccountDetector {

    private final ScorerMemory memory;

    CrossAccountDetector(ScorerMemory memory) {
        this.memory = memory;
    }

    void failure(AuthObservation failure, Findings findings, Consumer<AnomalyFinding> out) {
        if (failure.userKey() == null || (failure.ip() == null && failure.asn() == null)) {
            return;
        }
        LoginFailuresSettings settings = memory.failureSettings(failure.realmId());
        FailureWindow window = settings.failureWindow();
        Instant now = Instant.ofEpochMilli(failure.time());
        List<FailureRecord> recent = memory.failuresAround(failure, window.start(now).toEpochMilli());
        FailureCounts counts = window.count(recent, null, failure.ip(), failure.asn(), now);
        CrossAccountAttack attack = CrossAccountAttack.of(counts, settings);
        if (attack == null) {
            return;
        }
        String subject = attack.byAddress() ? "ip:" + failure.ip() : "net:" + failure.asn();
        int accounts = attack.accounts(counts);
        long windowMillis = window.length().toMillis();
        ScorerMemory.Reported last = memory.reported(failure.realmId(), subject);
        if (last != null && failure.time() - last.time() < windowMillis && accounts < 2 * last.accounts()) {
            return;
        }
        memory.report(failure.realmId(), subject, failure.time(), accounts);
        int score = scale(attack == CrossAccountAttack.SPRAY_IP ? 50 : 60, accounts, attack.threshold(settings));
        out.accept(finding(attack, counts, accounts, score, failure, findings, settings.windowMinutes(),
                victims(recent, attack, failure, window.start(now))));
    }

    private static AnomalyFinding finding(CrossAccountAttack attack, FailureCounts counts, int accounts, int score,
                                          AuthObservation failure, Findings findings, int minutes, List<String> victims) {
        return switch (attack) {
            case SPRAY_IP -> findings.create(failure, FindingKind.PASSWORD_SPRAY, score,
                    true, List.of(new FindingReason("FEW_TRIES_MANY_ACCOUNTS_FROM_IP", accounts + " of "
                            + counts.ipDistinctUsers() + " accounts failing from address " + failure.ip()
                            + " were tried only once or twice within " + minutes + " minutes")), victims);
            case STUFFING_IP -> findings.create(failure, FindingKind.CREDENTIAL_STUFFING, score,
                    true, List.of(new FindingReason("MANY_ACCOUNTS_FAILING_FROM_IP", accounts
                            + " accounts failed to sign in from address " + failure.ip() + " within " + minutes
                            + " minutes (" + counts.ipFailures() + " failures)")), victims);
            case STUFFING_NETWORK -> findings.create(failure, FindingKind.CREDENTIAL_STUFFING, score,
                    false, List.of(new FindingReason("MANY_ACCOUNTS_FAILING_FROM_NETWORK", accounts
                            + " accounts failed to sign in from network " + failure.network() + " within " + minutes
                            + " minutes")), victims);
        };
    }

    /** The accounts that failed from the attack's scope within the window, most recent first. */
    private static List<String> victims(List<FailureRecord> recent, CrossAccountAttack attack, AuthObservation failure,
                                        Instant start) {
        Set<String> accounts = new LinkedHashSet<>();
        for (FailureRecord record : recent) {
            boolean inScope = attack.byAddress() ? Objects.equals(failure.ip(), record.ip())
                    : Objects.equals(failure.asn(), record.network());
            if (inScope && !record.time().isBefore(start) && record.userId() != null) {
                accounts.add(record.userId());
            }
        }
        return new ArrayList<>(accounts);
    }

    /** {@code base} at the threshold, rising by 40 over one more threshold's worth, capped at 100. */
    private static int scale(int base, int count, int threshold) {
        return Math.min(100, base + (int) ((count - threshold) * 40L / threshold));
    }
}
