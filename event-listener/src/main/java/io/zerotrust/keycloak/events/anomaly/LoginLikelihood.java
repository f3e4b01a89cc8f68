package io.zerotrust.keycloak.events.anomaly;

import java.util.ArrayList;
import java.util.List;

/**
 * How unusual a sign-in is for its user, after Freeman et al., "Who Are You? A Statistical Approach to
 * Measuring User Authenticity" (NDSS 2016): the likelihood ratio
 * <pre>  S(u, x) = prod over features k of  p(x_k) / p(x_k | u)</pre>
 * over the features IP, network (ASN), country and user-agent family. Values common for the user but rare in
 * the realm's population lower the score; values the user never had raise it.
 *
 * <p>Smoothing: the population estimate is add-one, {@code p(x) = (c(x) + 1) / (N + V + 1)}; the user's is
 * Dirichlet-smoothed towards the population, {@code p(x|u) = (c_u(x) + mu p(x)) / (N_u + mu)}, so an unseen
 * value costs a ratio of {@code (N_u + mu) / mu}: more, the longer the user's history.
 *
 * <p>The 0-100 score is {@code 100 (1 - exp(-ln S / 8))}: one new value (a new IP) gives about 30, new IP and
 * network about 50, new IP, network and country about 65, everything new about 80.
 *
 * <p>The user's history and the population counts are the {@link ScorerMemory}'s: in Keycloak's database on a
 * server, shared by the cluster.
 */
final class LoginLikelihood {

    static final int IP = 0;
    static final int NETWORK = 1;
    static final int COUNTRY = 2;
    static final int AGENT = 3;
    static final int FEATURES = 4;

    private static final String[] NAMES = {"IP", "NETWORK", "COUNTRY", "USER_AGENT"};
    private static final String[] WORDS = {"address", "network", "country", "browser"};

    /** Dirichlet prior weight of the population in a user's distribution. */
    private static final double MU = 1.0;
    /** Scale of the score's saturation, in nats. */
    private static final double SCALE = 8.0;
    /** A seen value is called rare for the user when it raises the ratio beyond e. */
    private static final double RARE_LOG_RATIO = 1.0;

    private final ScorerMemory memory;

    LoginLikelihood(ScorerMemory memory) {
        this.memory = memory;
    }

    /** Scored sign-in: its score and, when it is unusual, why. */
    record Result(int score, List<FindingReason> reasons) {
    }

    /**
     * Scores a sign-in against the user's history, or returns null when the history has fewer than
     * {@code minHistory} sign-ins (cold start: nothing to compare with). Does not learn it.
     */
    Result score(String realmId, UserHistory history, String[] values, int minHistory) {
        if (history.total() < minHistory) {
            return null;
        }
        double logRatio = 0;
        List<FindingReason> reasons = null;
        for (int k = 0; k < FEATURES; k++) {
            String value = values[k];
            if (value == null) {
                continue;
            }
            double pPopulation = populationProbability(realmId, k, value);
            int userCount = history.count(k, value);
            double pUser = (userCount + MU * pPopulation) / (history.total() + MU);
            double featureLog = Math.log(pPopulation / pUser);
            logRatio += featureLog;
            if (userCount == 0 || featureLog > RARE_LOG_RATIO) {
                if (reasons == null) {
                    reasons = new ArrayList<>(FEATURES);
                }
                reasons.add(reason(k, value, userCount, history.total()));
            }
        }
        int score = (int) Math.round(100 * (1 - Math.exp(-Math.max(0, logRatio) / SCALE)));
        return new Result(score, reasons == null ? List.of() : reasons);
    }

    private static FindingReason reason(int k, String value, int userCount, int total) {
        if (userCount == 0) {
            return new FindingReason("NEW_" + NAMES[k],
                    WORDS[k] + " " + value + " not seen in " + total + " sign-ins of this user");
        }
        return new FindingReason("RARE_" + NAMES[k],
                WORDS[k] + " " + value + " seen in only " + userCount + " of " + total + " sign-ins of this user");
    }

    /** Adds a verified sign-in to the user's history and the realm's population. */
    void learn(String realmId, String userId, UserHistory history, String[] values, long time) {
        history.learn(values);
        memory.saveHistory(realmId, userId, history, time);
        for (int k = 0; k < FEATURES; k++) {
            if (values[k] != null) {
                memory.countValue(realmId, k, UserHistory.cut(values[k]), time);
            }
        }
    }

    private double populationProbability(String realmId, int k, String value) {
        ScorerMemory.FeatureTotals totals = memory.totals(realmId, k);
        long count = memory.valueCount(realmId, k, UserHistory.cut(value));
        return (count + 1.0) / (totals.signIns() + totals.values() + 1.0);
    }
}
