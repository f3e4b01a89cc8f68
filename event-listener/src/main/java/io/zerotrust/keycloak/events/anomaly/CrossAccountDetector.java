package io.zerotrust.keycloak.events.anomaly;

import java.util.List;
import java.util.function.Consumer;

/**
 * Attacks across accounts, seen per source address and per source network within a sliding window:
 * <ul>
 * <li><b>credential stuffing</b>: at least {@code stuffingMinUsers} distinct accounts fail from one source;</li>
 * <li><b>password spray</b>: at least {@code sprayMinUsers} accounts, nearly all (80%) with only one or two
 * failures each, fail from one source (a few common passwords tried across accounts, below lockout).</li>
 * </ul>
 * Stuffing is checked first; a source is reported again only when its number of accounts has doubled or a
 * window has passed since its last finding, so an ongoing attack does not flood the SOC. Per node; at most
 * {@code maxSources} addresses and networks each (least recently failing forgotten). Not thread-safe.
 */
final class CrossAccountDetector {

    private final ScorerSettings settings;
    private final long windowMillis;
    private final BoundedLru<String, FailureWindow> byIp;
    private final BoundedLru<String, FailureWindow> byNetwork;

    CrossAccountDetector(ScorerSettings settings) {
        this.settings = settings;
        this.windowMillis = settings.window().toMillis();
        this.byIp = new BoundedLru<>(settings.maxSources());
        this.byNetwork = new BoundedLru<>(settings.maxSources());
    }

    void failure(AuthObservation failure, Findings findings, Consumer<AnomalyFinding> out) {
        if (failure.userKey() == null) {
            return;
        }
        if (failure.ip() != null) {
            check(byIp, failure.ip(), "address", failure, findings, out);
        }
        if (failure.network() != null) {
            check(byNetwork, failure.network(), "network", failure, findings, out);
        }
    }

    private void check(BoundedLru<String, FailureWindow> sources, String source, String word,
                       AuthObservation failure, Findings findings, Consumer<AnomalyFinding> out) {
        FailureWindow window = sources.get(source);
        if (window == null) {
            window = new FailureWindow();
            sources.put(source, window);
        }
        window.add(failure.time(), failure.userKey(), windowMillis);
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
