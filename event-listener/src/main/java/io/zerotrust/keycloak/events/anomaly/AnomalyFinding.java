package io.zerotrust.keycloak.events.anomaly;

import java.util.List;

/**
 * What the anomaly scorer concluded about one or more events, with its reasons.
 *
 * @param id        unique id; the OCSF {@code metadata.uid} and the key for analyst feedback
 * @param time      epoch milliseconds of the event that triggered it
 * @param realmId   realm id
 * @param userId    the user concerned, or null for findings about a source (stuffing, spray)
 * @param sessionId the session concerned, or null
 * @param ip        source address of the triggering event, or null
 * @param network   source network ({@code AS64500}) of the triggering event, or null
 * @param kind      what was found
 * @param score     0-100
 * @param level     band of {@code score}
 * @param reasons   why, strongest first; never empty
 * @param accounts  for a finding about a source, the accounts that failed from it (user ids, or
 *                  {@code name:<username>}): reported as targets, never acted on
 */
public record AnomalyFinding(String id, long time, String realmId, String userId, String sessionId, String ip,
                             String network, FindingKind kind, int score, FindingLevel level,
                             List<FindingReason> reasons, List<String> accounts) {

    /** Most accounts a cross-account finding names, so that a large attack cannot make a finding unbounded. */
    public static final int MAX_ACCOUNTS = 500;

    public AnomalyFinding {
        reasons = List.copyOf(reasons);
        accounts = accounts == null ? List.of() : List.copyOf(accounts.subList(0, Math.min(accounts.size(), MAX_ACCOUNTS)));
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0-100, got " + score);
        }
    }

    /** A finding about one user or session; it names no other accounts. */
    public AnomalyFinding(String id, long time, String realmId, String userId, String sessionId, String ip,
                          String network, FindingKind kind, int score, FindingLevel level, List<FindingReason> reasons) {
        this(id, time, realmId, userId, sessionId, ip, network, kind, score, level, reasons, List.of());
    }

    /** Reason codes, comma-separated, for logs. */
    public String reasonCodes() {
        StringBuilder codes = new StringBuilder();
        for (FindingReason reason : reasons) {
            if (codes.length() > 0) {
                codes.append(',');
            }
            codes.append(reason.code());
        }
        return codes.toString();
    }
}
