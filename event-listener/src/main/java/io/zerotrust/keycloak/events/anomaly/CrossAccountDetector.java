package io.zerotrust.keycloak.events.anomaly;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Attacks across accounts, seen per source address and per source network within a sliding window:
 * <ul>
 * <li><b>credential stuffing</b>: at least {@code stuffingMinUsers} distinct accounts fail from one source;</li>
 * <li><b>password spray</b>: at least {@code sprayMinUsers} accounts, nearly all (80%) with only one or two
 * failures each, fail from one source (a few common passwords tried across accounts, below lockout).</li>
 * </ul>
 * Stuffing is checked first; a source is reported again only when its number of accounts has doubled or a
 * window has passed since its last finding, so an ongoing attack does not flood the SOC. Per node and per realm:
 * each realm keeps at most {@code maxSources} addresses and networks in at most {@code maxSourceBytes}
 * ({@link SourceWindows}; least recently failing forgotten), so one realm's attack cannot evict another's. Not
 * thread-safe.
 */
final class CrossAccountDetector {

    private final ScorerSettings settings;
    private final long windowMillis;
    private final Map<String, SourceWindows> byRealm = new HashMap<>();

    CrossAccountDetector(ScorerSettings settings) {
        this.settings = settings;
        this.windowMillis = settings.window().toMillis();
    }

    void failure(AuthObservation failure, Findings findings, Consumer<AnomalyFinding> out) {
        if (failure.userKey() == null) {
            return;
        }
        SourceWindows sources = byRealm.computeIfAbsent(String.valueOf(failure.realmId()),
                realm -> new SourceWindows(settings.maxSources(), settings.maxSourceBytes()));
        if (failure.ip() != null) {
            check(sources, failure.ip(), "address", failure, findings, out);
        }
        if (failure.network() != null) {
            check(sources, failure.network(), "network", failure, findings, out);
        }
    }

    /** Sources tracked in a realm (for tests and operational info). */
    SourceWindows sources(String realmId) {
        return byRealm.get(realmId);
    }

    /** Estimated bytes of all realms' windows. */
    long bytes() {
        long total = 0;
        for (SourceWindows sources : byRealm.values()) {
            total += sources.bytes();
        }
        return total;
    }

    private void check(SourceWindows sources, String source, String word,
                       AuthObservation failure, Findings findings, Consumer<AnomalyFinding> out) {
        // an address and a network never share a key
        FailureWindow window = sources.add(word.charAt(0) + ":" + source, failure.time(), failure.userKey(),
                windowMillis);
        int accounts = window.distinctAccounts();
        int few = window.accountsWithFewFailures();
        boolean stuffing = accounts >= settings.stuffingMinUsers();
        boolean spray = !stuffing && few >= settings.sprayMinUsers() && few * 10 >= accounts * 8;
        if (!(stuffing || spray) || !due(window, failure.time(), accounts)) {
            return;
        }
        window.lastFindingTime = failure.time();
        window.accountsAtLastFinding = accounts;
        long minutes = settings.window().toMinutes();
        boolean byAddress = "address".equals(word);
        if (stuffing) {
            int score = scale(60, accounts, settings.stuffingMinUsers());
            out.accept(findings.create(failure, FindingKind.CREDENTIAL_STUFFING, score, byAddress, List.of(
                    new FindingReason(byAddress ? "MANY_ACCOUNTS_FAILING_FROM_IP" : "MANY_ACCOUNTS_FAILING_FROM_NETWORK",
                            accounts + " accounts failed to sign in from " + word + " " + source + " within "
                                    + minutes + " minutes (" + window.failures() + " failures)")), window.accounts()));
        } else {
            int score = scale(50, few, settings.sprayMinUsers());
            out.accept(findings.create(failure, FindingKind.PASSWORD_SPRAY, score, byAddress, List.of(
                    new FindingReason(byAddress ? "FEW_TRIES_MANY_ACCOUNTS_FROM_IP" : "FEW_TRIES_MANY_ACCOUNTS_FROM_NETWORK",
                            few + " of " + accounts + " accounts failing from " + word + " " + source
                                    + " were tried only once or twice within " + minutes + " minutes")), window.accounts()));
        }
    }

    private boolean due(FailureWindow window, long now, int accounts) {
        return window.lastFindingTime == Long.MIN_VALUE
                || now - window.lastFindingTime >= windowMillis
                || accounts >= 2 * window.accountsAtLastFinding;
    }

    /** {@code base} at the threshold, rising by 40 over one more threshold's worth, capped at 100. */
    private static int scale(int base, int count, int threshold) {
        return Math.min(100, base + (int) ((count - threshold) * 40L / threshold));
    }
}
