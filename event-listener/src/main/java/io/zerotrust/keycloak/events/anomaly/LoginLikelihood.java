package io.zerotrust.keycloak.events.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How unusual a sign-in is for its user, after Freeman et al., "Who Are You? A Statistical Approach to
 * Measuring User Authenticity" (NDSS 2016): the likelihood ratio
 * <pre>  S(u, x) = prod over features k of  p(x_k) / p(x_k | u)</pre>
 * over the features IP, network (ASN), country and user-agent family. Values common for the user but rare in
 * the population lower the score; values the user never had raise it.
 *
 * <p>Smoothing: the population estimate is add-one, {@code p(x) = (c(x) + 1) / (N + V + 1)}; the user's is
 * Dirichlet-smoothed towards the population, {@code p(x|u) = (c_u(x) + mu p(x)) / (N_u + mu)}, so an unseen
 * value costs a ratio of {@code (N_u + mu) / mu}: more, the longer the user's history.
 *
 * <p>The 0-100 score is {@code 100 (1 - exp(-ln S / 8))}: one new value (a new IP) gives about 30, new IP and
 * network about 50, new IP, network and country about 65, everything new about 80.
 *
 * <p>State is in memory, per Keycloak node, bounded: {@code maxUsers} users (least recently seen forgotten),
 * {@link #SLOTS} values per feature and user (the rarest replaced), {@code maxValuesPerFeature} population
 * values per feature. Not thread-safe.
 */
final class LoginLikelihood {

    static final int IP = 0;
    static final int NETWORK = 1;
    static final int COUNTRY = 2;
    static final int AGENT = 3;
    static final int FEATURES = 4;

    private static final String[] NAMES = {"IP", "NETWORK", "COUNTRY", "USER_AGENT"};
    private static final String[] WORDS = {"address", "network", "country", "browser"};

    /** Values remembered per feature and user. */
    static final int SLOTS = 16;
    /** Dirichlet prior weight of the population in a user's distribution. */
    private static final double MU = 1.0;
    /** Scale of the score's saturation, in nats. */
    private static final double SCALE = 8.0;
    /** A seen value is called rare for the user when it raises the ratio beyond e. */
    private static final double RARE_LOG_RATIO = 1.0;

    private final BoundedLru<String, UserHistory> users;
    private final List<Map<String, int[]>> population = new ArrayList<>(FEATURES);
    private final long[] populationTotals = new long[FEATURES];

    LoginLikelihood(int maxUsers, int maxValuesPerFeature) {
        this.users = new BoundedLru<>(maxUsers);
        for (int k = 0; k < FEATURES; k++) {
            population.add(new BoundedLru<>(maxValuesPerFeature));
        }
    }

    /** Scored sign-in: its score and, when it is unusual, why. */
    record Result(int score, List<FindingReason> reasons) {
    }

    /**
     * Scores a sign-in against the user's history, or returns null when the user has fewer than
     * {@code minHistory} sign-ins (cold start: nothing to compare with). Does not learn it.
     */
    Result score(String userId, String[] values, int minHistory) {
        UserHistory history = users.get(userId);
        if (history == null || history.total < minHistory) {
            return null;
        }
        double logRatio = 0;
        List<FindingReason> reasons = null;
        for (int k = 0; k < FEATURES; k++) {
            String value = values[k];
            if (value == null) {
                continue;
            }
            double pPopulation = populationProbability(k, value);
            int userCount = history.count(k, value);
            double pUser = (userCount + MU * pPopulation) / (history.total + MU);
            double featureLog = Math.log(pPopulation / pUser);
            logRatio += featureLog;
            if (userCount == 0 || featureLog > RARE_LOG_RATIO) {
                if (reasons == null) {
                    reasons = new ArrayList<>(FEATURES);
                }
                reasons.add(reason(k, value, userCount, history.total));
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

    /** Adds a successful sign-in to the user's history and the population. */
    void learn(String userId, String[] values) {
        UserHistory history = users.get(userId);
        if (history == null) {
            history = new UserHistory();
            users.put(userId, history);
        }
        history.total++;
        for (int k = 0; k < FEATURES; k++) {
            String value = values[k];
            if (value == null) {
                continue;
            }
            history.add(k, value);
            int[] count = population.get(k).get(value);
            if (count == null) {
                population.get(k).put(value, new int[] {1});
            } else {
                count[0]++;
            }
            populationTotals[k]++;
        }
    }

    private double populationProbability(int k, String value) {
        Map<String, int[]> counts = population.get(k);
        int[] count = counts.get(value);
        return ((count == null ? 0 : count[0]) + 1.0) / (populationTotals[k] + counts.size() + 1.0);
    }

    int users() {
        return users.size();
    }

    /** One user's values per feature with their counts, in fixed arrays: no allocation per sign-in. */
    private static final class UserHistory {
        final String[][] values = new String[FEATURES][SLOTS];
        final int[][] counts = new int[FEATURES][SLOTS];
        int total;

        int count(int k, String value) {
            String[] row = values[k];
            for (int i = 0; i < SLOTS; i++) {
                if (row[i] == null) {
                    return 0;
                }
                if (row[i].equals(value)) {
                    return counts[k][i];
                }
            }
            return 0;
        }

        void add(int k, String value) {
            String[] row = values[k];
            int rarest = 0;
            for (int i = 0; i < SLOTS; i++) {
                if (row[i] == null) {
                    row[i] = value;
                    counts[k][i] = 1;
                    return;
                }
                if (row[i].equals(value)) {
                    counts[k][i]++;
                    return;
                }
                if (counts[k][i] < counts[k][rarest]) {
                    rarest = i;
                }
            }
            // Full: the rarest value makes room, so a user's habits survive one-off values
            row[rarest] = value;
            counts[k][rarest] = 1;
        }
    }
}
